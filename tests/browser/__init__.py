"""Real-browser tests: JupyterLab and Voilà driven by headless Chromium (Playwright)."""
