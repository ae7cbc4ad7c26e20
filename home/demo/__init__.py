"""The demo website `seed_demo` builds through the Wagtail hook "seed_demo" (home/wagtail_hooks.py).

`site` builds the pages, settings and menus; `content` reads their Thai text from `data/`
(long rich texts as `*.html`, the rest as JSON, all UTF-8).
"""
