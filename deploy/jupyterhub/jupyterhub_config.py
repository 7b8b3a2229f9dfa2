"""JupyterHub for a careerlab class on one server (README: "Run a class on JupyterHub").

Run as root: ``jupyterhub -f deploy/jupyterhub/jupyterhub_config.py`` (``make hub`` does it for a
trial). Every learner and instructor is a real Unix account; each server runs as that account
from the learners' environment (``make hub-env``), with the home folder kept at mode 700.
Two hub services: ``careerlab-handin`` (the course's hand-in store, run as its own account)
and ``idle-culler``. Settings come from ``CAREERLAB_HUB_*`` environment variables (below).
"""
import os
import pwd
import sys
from pathlib import Path

c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


def setting(name: str, default: str) -> str:
    return os.environ.get(f"CAREERLAB_HUB_{name}", "").strip() or default


def names(name: str) -> list[str]:
    return [n for n in setting(name, "").replace(",", " ").split() if n]


STATE = Path(setting("STATE", "/srv/careerlab-hub"))        # the hub's database, secrets, store
LEARNER_ENV = Path(setting("ENV", str(REPO / ".hub-env")))  # `make hub-env`: readable by learners
IP, PORT = setting("IP", "127.0.0.1"), int(setting("PORT", "8000"))  # where the class connects
HUB_PORT = int(setting("HUB_PORT", "8081"))
PROXY_API_PORT = int(setting("PROXY_API_PORT", "8001"))
HANDIN_PORT = int(setting("HANDIN_PORT", "10101"))
HANDIN_USER = setting("HANDIN_USER", "careerlab-handin")  # a system account that owns the store
STORE = Path(setting("HANDIN_STORE", str(STATE / "handins")))
LEARNERS, INSTRUCTORS, ADMINS = names("LEARNERS"), names("INSTRUCTORS"), names("ADMINS")
AUTH = setting("AUTH", "pam")  # pam (each account's own password) or shared-password (a trial)
CULL_GROUP = setting("CULL_GROUP", "learners")  # whose idle servers the culler stops
CULL_TIMEOUT = int(setting("CULL_TIMEOUT", "3600"))  # seconds idle before a server is stopped
CULL_EVERY = int(setting("CULL_EVERY", "300"))
ACTIVITY_INTERVAL = int(setting("ACTIVITY_INTERVAL", "300"))  # how often activity is reported

HANDIN = "careerlab-handin"
HANDIN_ACCESS = f"access:services!service={HANDIN}"
READ_ALL = "custom:careerlab-handins:read"
READ_CLASS = "read:groups!group=learners"  # the class list, for the dashboard's "not handed in yet"


def prepare_state() -> None:
    """The hub's own files private to root; the store private to the hand-in account."""
    if os.geteuid() != 0:
        sys.exit("The class hub starts each learner's server as that learner, so it must run as root.")
    if not (LEARNER_ENV / "bin" / "jupyterhub-singleuser").exists():
        sys.exit(f"The learners' environment is missing: run `make hub-env` (expected {LEARNER_ENV}).")
    try:
        account = pwd.getpwnam(HANDIN_USER)
    except KeyError:
        sys.exit(f"The hand-in account {HANDIN_USER!r} does not exist: create it with "
                 f"`useradd --system --no-create-home --shell /usr/sbin/nologin {HANDIN_USER}`.")
    (STATE / "hub").mkdir(parents=True, exist_ok=True)
    os.chmod(STATE, 0o711)  # others may pass through to the store, not list or read
    os.chmod(STATE / "hub", 0o700)
    STORE.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chown(STORE, account.pw_uid, account.pw_gid)
    os.chmod(STORE, 0o700)


prepare_state()

# -- the hub, its proxy (configurable-http-proxy from npm, `make hub-deps`) and its state ------
c.JupyterHub.bind_url = f"http://{IP}:{PORT}"  # put TLS in front (or set ssl_cert/ssl_key) for a class
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{HUB_PORT}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{PROXY_API_PORT}"
c.ConfigurableHTTPProxy.command = [str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(STATE / "hub" / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{STATE / 'hub' / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "hub" / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "hub" / "jupyterhub.pid")
c.JupyterHub.last_activity_interval = ACTIVITY_INTERVAL

# -- who may sign in ------------------------------------------------------------------------
if AUTH == "shared-password":  # a trial: one password for every account, never for a real class
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = os.environ["CAREERLAB_HUB_PASSWORD"]
else:
    c.JupyterHub.authenticator_class = "pam"
c.Authenticator.allowed_users = set(LEARNERS) | set(INSTRUCTORS) | set(ADMINS)
c.Authenticator.admin_users = set(ADMINS)
c.JupyterHub.load_groups = {"learners": {"users": LEARNERS}, "instructors": {"users": INSTRUCTORS}}
if CULL_GROUP not in c.JupyterHub.load_groups:
    c.JupyterHub.load_groups[CULL_GROUP] = {"users": []}

# -- each learner's server: their own account, their own home, the learners' environment --------
def private_home(spawner) -> None:
    """Keep the home folder at mode 700 (useradd -m makes 755 on Debian), so no one else reads it."""
    account = pwd.getpwnam(spawner.user.name)
    home = Path(account.pw_dir)
    if home.is_dir() and home.stat().st_uid == account.pw_uid:
        os.chmod(home, 0o700)


c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [str(LEARNER_ENV / "bin" / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
c.Spawner.pre_spawn_hook = private_home
c.Spawner.env_keep = ["LANG", "LC_ALL"]  # not root's PATH, VIRTUAL_ENV or Jupyter folders
c.Spawner.environment = {
    "PATH": f"{LEARNER_ENV / 'bin'}:/usr/local/bin:/usr/bin:/bin",
    "CAREERLAB_HANDIN_URL": f"http://127.0.0.1:{HANDIN_PORT}/services/{HANDIN}/",
    "JUPYTERHUB_ACTIVITY_INTERVAL": str(ACTIVITY_INTERVAL),
}
# The server's token ($JUPYTERHUB_API_TOKEN, which its kernels inherit) may use the hand-in
# service; an instructor's may also read every hand-in and the learners group's member list
# (the hub keeps only the scopes the user holds).
c.Spawner.server_token_scopes = ["users:activity!user", "access:servers!server", HANDIN_ACCESS,
                                 READ_ALL, READ_CLASS]
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120

# -- roles: learners may hand in; instructors may read every hand-in; the culler stops servers --
c.JupyterHub.custom_scopes = {READ_ALL: {"description": "List and read every learner's hand-in."}}
c.JupyterHub.load_roles = [
    {"name": "user", "description": "A learner: their own server, and the course's hand-in",
     "scopes": ["self", HANDIN_ACCESS]},
    {"name": "careerlab-instructor", "description": "See the whole class's hand-ins and its list",
     "scopes": [READ_ALL, HANDIN_ACCESS, READ_CLASS], "groups": ["instructors"]},
    {"name": "idle-culler", "description": f"Stop idle servers of the {CULL_GROUP} group",
     "scopes": [f"list:users!group={CULL_GROUP}", f"read:users:activity!group={CULL_GROUP}",
                f"read:servers!group={CULL_GROUP}", f"delete:servers!group={CULL_GROUP}"],
     "services": ["idle-culler"]},
]

# -- services: the hand-in store (its own account) and jupyterhub-idle-culler --------------------
c.JupyterHub.services = [
    {"name": HANDIN, "url": f"http://127.0.0.1:{HANDIN_PORT}", "display": False,
     "command": [str(LEARNER_ENV / "bin" / "python"), "-m", "careerlab.handin.service"],
     "user": HANDIN_USER, "cwd": str(STORE),
     "environment": {"CAREERLAB_HANDIN_STORE": str(STORE)}},
    {"name": "idle-culler",
     "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={CULL_TIMEOUT}",
                 f"--cull-every={CULL_EVERY}"]},
]

# -- the lessons: each learner opens this nbgitpuller link (README), which clones the lessons
# into ~/coding-or-billing on first use and merges updates later without touching the learner's work:
#   http://HUB/hub/user-redirect/git-pull?repo=REPO_URL&branch=main&targetpath=coding-or-billing
#     &urlpath=lab/tree/coding-or-billing/notebooks/00-start-here.ipynb
