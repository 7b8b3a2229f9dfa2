# app/voila.py is Voilà's config file for `make app` (traitlets runs it with get_config()),
# not a module: pytest's --doctest-modules must not import it. The notebook still runs (nbval).
collect_ignore = ["voila.py"]
