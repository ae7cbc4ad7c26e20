"""Demo and scale data of the registry, kept apart from the real writes in `services/`.

- `registry` loads the labelled sample registry behind `manage.py seed_demo`;
- `scale` bulk-inserts the synthetic national-scale data behind `manage.py seed_scale`;
- `sample` reads the sample records from `data/*.json` (UTF-8), which hold the data itself:
  the office and its groups, networks, schools, external agencies, persons and name pools.
"""

import json
from importlib import resources
from typing import Any


def demo_data_load(name: str) -> Any:
    """The parsed contents of `coordination/demo/data/<name>` (JSON, UTF-8)."""
    path = resources.files("coordination.demo").joinpath("data", name)
    return json.loads(path.read_text(encoding="utf-8"))
