"""Browser tests: JupyterLab in headless Chromium, driven from the keyboard (see harness.py)."""
