# Voilà settings for the self-assessment kiosk: `make app` runs
#   voila app/self-assessment.ipynb ... --Voila.config_file_paths=app
# so Voilà reads this file (and no voila.py/voila.json of the user's own). See app/README.md.
# The three numbers come from the environment; `make app KIOSK_MAX_KERNELS=4` and friends set them.
import os

from careerlab.kiosk import KioskSettings, capped_prelaunch_hook

kiosk = KioskSettings.from_env(os.environ)
c = get_config()  # noqa: F821 - traitlets gives a config file get_config()

# A visit left alone for idle_seconds (no click, no answer) is ended, even with its page still
# open (cull_connected): an abandoned kiosk tab must not hold a kernel, and its answers, forever.
c.MappingKernelManager.cull_idle_timeout = kiosk.idle_seconds
c.MappingKernelManager.cull_interval = kiosk.cull_interval
c.MappingKernelManager.cull_connected = True
c.MappingKernelManager.cull_busy = False

# At most max_kernels visits at once; the next one gets a plain "busy" page (HTTP 503).
c.VoilaConfiguration.prelaunch_hook = capped_prelaunch_hook(kiosk.max_kernels)

# Nothing else for a visitor to reach: no tracebacks, no files from the project folder, no
# server-side execution endpoint (progressive rendering), no pre-started kernels.
c.VoilaConfiguration.show_tracebacks = False
c.VoilaConfiguration.file_allowlist = []
c.VoilaConfiguration.progressive_rendering = False
c.VoilaConfiguration.preheat_kernel = False
