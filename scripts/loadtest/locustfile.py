"""Load test (issue 12, item 8): anonymous browsing and search mixed with officers editing.

Run bounded and headless by scripts/loadtest/run.sh (`make load`) against `make serve`;
docs/benchmarks.md, "Load test (issue 12)", says how and what it measured.

- Visitors (anonymous) open the home page, the directory with filters and deep pages, agency
  pages and vCards, search with the quality set's Thai queries and two broad ones, the
  autocomplete, news, and the read API. Each has an address of its own in X-Forwarded-For (the
  server runs with API_TRUSTED_PROXIES=1, as behind nginx), so the API's per-client rate limit and
  the page cache see many people, not one.
- Officers (a fixed number, LOAD_OFFICERS, default 3) sign in through /admin/login/ with the CSRF
  token, then open the agency listing at a random page, an agency's edit form, save a changed
  mission as a draft (posting back every field the form holds, formset management forms
  included), and read the agency's history and timeline. Officer n edits only agencies whose id
  is n modulo LOAD_OFFICERS, so two officers never save over each other's form (the server
  rightly refuses a stale form).

Any response other than the expected one is a failure; locust then exits with status 1, and
summary.py fails on the stats CSV too.
"""

import itertools
import os
import random
import time

from browser import (
    BROAD_QUERIES,
    agency_edit_ids,
    csrf_token,
    form_data,
    form_errors,
    last_page,
    quality_queries,
    select_options,
    with_mission_note,
)
from locust import HttpUser, between, task

OFFICER_USERNAME = os.environ.get("LOAD_OFFICER_USERNAME", "officer")
OFFICER_PASSWORD = os.environ.get("LOAD_OFFICER_PASSWORD", "uthai1-demo")  # seed_demo's
OFFICERS = int(os.environ.get("LOAD_OFFICERS", "3"))
AGENCY_ADMIN = "/admin/snippets/coordination/agency/"
EDITOR_FORM = "w-editor-form"

QUERIES = quality_queries()
_addresses = itertools.count(1)
_officer_numbers = itertools.count(0)


class Directory:
    """What visitors learn about the site once, on the first visitor's start."""

    slugs: list[str] = []
    ids: list[int] = []
    categories: list[str] = []
    provinces: list[str] = []
    districts: list[str] = []
    pages = 1
    api_pages = 1


def client_address() -> str:
    number = next(_addresses)
    return f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"


def expect(response, *statuses: int) -> None:
    if response.status_code not in statuses:
        response.failure(f"HTTP {response.status_code}, expected {statuses}")


class Visitor(HttpUser):
    """An anonymous member of the public."""

    weight = 1
    wait_time = between(1, 4)

    def on_start(self):
        self.client.headers["X-Forwarded-For"] = client_address()
        if not Directory.slugs:
            self.learn_directory()

    def learn_directory(self):
        with self.client.get("/directory/", name="directory", catch_response=True) as response:
            expect(response, 200)
            html = response.text
        Directory.pages = last_page(html)
        Directory.categories = select_options(html, "category")
        Directory.provinces = select_options(html, "province")
        Directory.districts = select_options(html, "district")
        for _ in range(3):
            self.api_list()

    # --- Browsing ----------------------------------------------------------------------------

    @task(5)
    def home(self):
        with self.client.get("/", name="home", catch_response=True) as response:
            expect(response, 200)

    @task(4)
    def directory(self):
        with self.client.get("/directory/", name="directory", catch_response=True) as response:
            expect(response, 200)

    @task(6)
    def directory_filtered(self):
        params = random.choice(
            [
                {"scope": random.choice(["internal", "external"])},
                {"category": random.choice(Directory.categories or ["school"])},
                {"province": random.choice(Directory.provinces or ["61"])},
                {"district": random.choice(Directory.districts or ["6101"])},
                {
                    "category": random.choice(Directory.categories or ["school"]),
                    "scope": "internal",
                },
            ]
        )
        with self.client.get(
            "/directory/", params=params, name="directory ?filters", catch_response=True
        ) as response:
            expect(response, 200)

    @task(4)
    def directory_page(self):
        page = random.randint(1, max(1, Directory.pages))
        with self.client.get(
            f"/directory/?page={page}", name="directory ?page=N", catch_response=True
        ) as response:
            expect(response, 200)

    @task(10)
    def agency(self):
        if not Directory.slugs:
            return
        slug = random.choice(Directory.slugs)
        with self.client.get(
            f"/directory/{slug}/", name="agency page", catch_response=True
        ) as response:
            expect(response, 200)

    @task(1)
    def vcard(self):
        if not Directory.slugs:
            return
        slug = random.choice(Directory.slugs)
        with self.client.get(
            f"/directory/{slug}/vcard.vcf", name="agency vCard", catch_response=True
        ) as response:
            expect(response, 200)

    @task(1)
    def news(self):
        with self.client.get("/news/", name="news", catch_response=True) as response:
            expect(response, 200)

    # --- Search ------------------------------------------------------------------------------

    @task(6)
    def search(self):
        with self.client.get(
            "/search/", params={"q": random.choice(QUERIES)}, name="search", catch_response=True
        ) as response:
            expect(response, 200)

    @task(3)
    def directory_search(self):
        with self.client.get(
            "/directory/",
            params={"q": random.choice(QUERIES)},
            name="directory ?q=",
            catch_response=True,
        ) as response:
            expect(response, 200)

    @task(2)
    def broad_search(self):
        with self.client.get(
            "/search/",
            params={"q": random.choice(BROAD_QUERIES)},
            name="search (broad)",
            catch_response=True,
        ) as response:
            expect(response, 200)

    @task(2)
    def suggest(self):
        query = random.choice(QUERIES)
        typed = query[: random.randint(2, max(2, len(query)))]
        with self.client.get(
            "/search/suggest", params={"q": typed}, name="search suggest", catch_response=True
        ) as response:
            expect(response, 200)

    # --- API ---------------------------------------------------------------------------------

    @task(2)
    def api_list(self):
        page = random.randint(1, max(1, Directory.api_pages))
        with self.client.get(
            "/api/v1/agencies",
            params={"page": page},
            name="api list",
            catch_response=True,
        ) as response:
            expect(response, 200)
            if response.status_code != 200:
                return
            body = response.json()
            Directory.api_pages = body["total_pages"]
            for agency in body["contents"]:
                if len(Directory.slugs) < 5000:
                    Directory.slugs.append(agency["slug"])
                    Directory.ids.append(agency["id"])

    @task(2)
    def api_detail(self):
        if not Directory.ids:
            return
        agency_id = random.choice(Directory.ids)
        with self.client.get(
            f"/api/v1/agencies/{agency_id}", name="api detail", catch_response=True
        ) as response:
            expect(response, 200)


class Officer(HttpUser):
    """An officer (เจ้าหน้าที่) keeping agencies' data: listing, editing as a draft, history."""

    fixed_count = OFFICERS
    wait_time = between(2, 6)

    def on_start(self):
        self.number = next(_officer_numbers)
        self.client.headers["X-Forwarded-For"] = client_address()
        self.listing_pages = 1
        self.agency_id = None
        self.log_in()

    def log_in(self):
        with self.client.get(
            "/admin/login/", name="admin login form", catch_response=True
        ) as response:
            expect(response, 200)
            token = csrf_token(response.text)
        with self.client.post(
            "/admin/login/",
            data={
                "csrfmiddlewaretoken": token,
                "username": OFFICER_USERNAME,
                "password": OFFICER_PASSWORD,
                "next": "/admin/",
            },
            name="admin login",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"login refused: HTTP {response.status_code}")

    @task(2)
    def dashboard(self):
        with self.client.get("/admin/", name="admin dashboard", catch_response=True) as response:
            expect(response, 200)

    @task(3)
    def listing(self):
        page = random.randint(1, self.listing_pages)
        with self.client.get(
            AGENCY_ADMIN, params={"p": page}, name="admin listing ?p=N", catch_response=True
        ) as response:
            expect(response, 200)
            if response.status_code != 200:
                return
            html = response.text
        self.listing_pages = max(self.listing_pages, last_page(html, "p"))
        mine = [pk for pk in agency_edit_ids(html) if pk % OFFICERS == self.number % OFFICERS]
        if mine:
            self.agency_id = random.choice(mine)

    @task(4)
    def edit(self):
        if self.agency_id is None:
            self.listing()
        if self.agency_id is None:
            return
        url = f"{AGENCY_ADMIN}edit/{self.agency_id}/"
        with self.client.get(url, name="admin edit form", catch_response=True) as response:
            expect(response, 200)
            if response.status_code != 200:
                return
            data = form_data(response.text, EDITOR_FORM)
        if not any(name == "mission" for name, _value in data):
            return  # locked or in moderation: the form offers nothing to save
        note = f"officer {self.number}, {time.strftime('%H:%M:%S')}"
        with self.client.post(
            url,
            data=with_mission_note(data, note),
            name="admin save draft",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(
                    f"draft not saved: HTTP {response.status_code} {form_errors(response.text)}"
                )

    @task(1)
    def history(self):
        if self.agency_id is None:
            return
        with self.client.get(
            f"{AGENCY_ADMIN}history/{self.agency_id}/", name="admin history", catch_response=True
        ) as response:
            expect(response, 200)

    @task(1)
    def timeline(self):
        if self.agency_id is None:
            return
        with self.client.get(
            f"/admin/coordination/agency/{self.agency_id}/timeline/",
            name="admin timeline",
            catch_response=True,
        ) as response:
            expect(response, 200)
