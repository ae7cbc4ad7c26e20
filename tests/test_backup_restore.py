"""The backup of docs/deploy.md restores: `pg_dump` of a database, `pg_restore` into a new one,
and the restored registry holds the same rows."""

import os
import shutil
import subprocess
import uuid

import psycopg
import pytest
from django.db import connection

from coordination.models import Agency
from tests.factories import AgencyFactory

pytestmark = pytest.mark.postgres


def _client_environment(settings_dict) -> dict:
    return {
        **os.environ,
        "PGHOST": settings_dict.get("HOST") or "127.0.0.1",
        "PGPORT": str(settings_dict.get("PORT") or 5432),
        "PGUSER": settings_dict["USER"],
        "PGPASSWORD": settings_dict.get("PASSWORD") or "",
    }


def _count(dsn_settings: dict, database: str, table: str) -> int:
    with psycopg.connect(
        host=dsn_settings["PGHOST"],
        port=dsn_settings["PGPORT"],
        user=dsn_settings["PGUSER"],
        password=dsn_settings["PGPASSWORD"],
        dbname=database,
    ) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_pg_dump_restores_into_a_new_database_with_the_same_rows(tmp_path):
    if not shutil.which("pg_dump"):
        pytest.skip("pg_dump is not installed (Debian's postgresql-client)")
    AgencyFactory.create_batch(3)
    environment = _client_environment(connection.settings_dict)
    source = connection.settings_dict["NAME"]
    target = f"esa_prod_restore_{uuid.uuid4().hex[:12]}"
    dump = tmp_path / "registry.dump"

    # The commands of docs/deploy.md, "Backups".
    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", source],
        env=environment,
        check=True,
    )
    subprocess.run(["createdb", target], env=environment, check=True)
    try:
        subprocess.run(
            ["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={target}", str(dump)],
            env=environment,
            check=True,
        )
        for table in ("coordination_agency", "wagtailcore_page", "auth_group"):
            assert _count(environment, target, table) == _count(environment, source, table), table
        assert _count(environment, target, "coordination_agency") == Agency.objects.count() >= 3
    finally:
        subprocess.run(["dropdb", "--if-exists", target], env=environment, check=True)
