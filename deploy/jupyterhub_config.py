"""JupyterHub configuration for one school server running the Osmosis Ethics Lab.

One machine, one Python environment (the one JupyterHub itself runs from), one system user per
learner. Read deploy/README.md first: it walks through the set-up and the choices below.

Run it as root (the hub must create users and start each learner's server as that user):

    jupyterhub -f /opt/osmosis-ethics-lab/deploy/jupyterhub_config.py

Settings a school changes without editing this file (environment variables, read once at start):

    OSMOSIS_HUB_STATE      the hub's database, cookie secret, proxy pid    (/srv/osmosis/hub)
    OSMOSIS_DROP_ROOT      the drop folder for learners' exported work     (/srv/osmosis/drop)
    OSMOSIS_TEACHER_GROUP  the system group whose members read the drops   (osmosis-teachers)
    OSMOSIS_DATA_DIR       the lessons' data folder                        (<this repository>/data)
    OSMOSIS_HUB_SSL_CERT / OSMOSIS_HUB_SSL_KEY   serve HTTPS itself (see "TLS" below)

tests/test_hub.py starts the hub from this very file (with a test authenticator and temporary
folders layered on top), creates learners, pulls the lessons and runs lesson 00 in each.
"""

import grp
import os
import pwd
import subprocess
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub provides get_config when it loads this file)

#: This repository (deploy/ is one level below it): the lessons' data and the settings file.
REPO = Path(__file__).resolve().parents[1]
STATE_DIR = Path(os.environ.get("OSMOSIS_HUB_STATE", "/srv/osmosis/hub"))
DROP_ROOT = Path(os.environ.get("OSMOSIS_DROP_ROOT", "/srv/osmosis/drop"))
TEACHER_GROUP = os.environ.get("OSMOSIS_TEACHER_GROUP", "osmosis-teachers")
#: The package finds data/ three folders above its own file, which only works when it is
#: installed editable from a clone; pointing at this clone's data/ works either way.
DATA_DIR = Path(os.environ.get("OSMOSIS_DATA_DIR", REPO / "data"))

#: A lesson is a class period (lesson 00 about 20 minutes, the others up to a double period):
#: a learner who steps away for most of a double lesson must not lose their running kernel.
IDLE_TIMEOUT_SECONDS = 90 * 60

# -- Authentication: a choice the school must make -----------------------------------------------
# LocalAuthenticator subclasses can create the system user for a learner the first time the
# learner is added (by the teacher on the hub's admin page, or by the REST API). The shipped
# default is PAM (the machine's own passwords): with create_system_users the hub creates the
# account and the administrator sets its password (`passwd <learner>`). For a whole school, use
# the school's identity provider instead, with a "Local" authenticator so that each learner
# still gets a system user, for example (pip install oauthenticator / ldapauthenticator):
#     c.JupyterHub.authenticator_class = "oauthenticator.generic.LocalGenericOAuthenticator"
#     c.JupyterHub.authenticator_class = "oauthenticator.google.LocalGoogleOAuthenticator"
#     LDAP: "ldapauthenticator.LDAPAuthenticator" with existing system users (SSSD/nslcd)
#
# !!! NEVER use jupyterhub.auth.DummyAuthenticator on a real server. It lets anyone in with any
# !!! password (or with the single shared one). It is for tests only: tests/test_hub.py uses it.
c.JupyterHub.authenticator_class = "pam"
c.LocalAuthenticator.create_system_users = True
# useradd, not Debian's adduser, so that the mode is explicit: the home folder is created 0700
# (readable by its owner only), with a private group per learner. The spawn hook below sets 0700
# again before every start, for homes made another way (or loosened by hand).
c.LocalAuthenticator.add_user_cmd = [
    "useradd",
    "--create-home",
    "--user-group",
    "--shell",
    "/bin/bash",
    "--key",
    "HOME_MODE=0700",
]
# Who may log in: the learners the teacher added (admin page or API), nobody else.
c.Authenticator.allow_existing_users = True
# Teachers who manage learners on the admin page (they do not get to read learners' files):
# c.Authenticator.admin_users = {"teacher-name"}

# -- Network and TLS: a choice the school must make ----------------------------------------------
# Either (recommended) the school's reverse proxy (nginx, Apache, Caddy, a load balancer)
# terminates TLS with the school's certificate and forwards to the hub on loopback, port 8000;
# or the hub serves HTTPS itself on port 443 with a certificate and key from the school.
# Never serve the hub over plain HTTP beyond this machine: passwords and tokens would travel
# in clear.
SSL_CERT = os.environ.get("OSMOSIS_HUB_SSL_CERT")
SSL_KEY = os.environ.get("OSMOSIS_HUB_SSL_KEY")
if SSL_CERT and SSL_KEY:
    c.JupyterHub.bind_url = "https://0.0.0.0:443"
    c.JupyterHub.ssl_cert = SSL_CERT
    c.JupyterHub.ssl_key = SSL_KEY
else:
    c.JupyterHub.bind_url = "http://127.0.0.1:8000"
c.JupyterHub.hub_ip = "127.0.0.1"  # the hub's API: the proxy and the learners' servers only

# The hub's own state, root's only.
c.JupyterHub.db_url = f"sqlite:///{STATE_DIR / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE_DIR / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(STATE_DIR / "jupyterhub-proxy.pid")

# -- Each learner's server --------------------------------------------------------------------
# LocalProcessSpawner (JupyterHub's default) starts each learner's server as that learner's
# system user, so the operating system keeps learners apart: a learner's kernel runs with the
# learner's uid and cannot open another learner's home (0700) or drop folder (below).
# (SimpleLocalProcessSpawner runs everyone as the hub's user: no isolation, never use it.)
c.JupyterHub.spawner_class = "localprocess"
# The learners' servers run from the same environment as the hub (where the package, JupyterLab
# and nbgitpuller are installed), whatever PATH the learner's account has.
c.Spawner.cmd = [str(Path(sys.prefix) / "bin" / "jupyterhub-singleuser")]
# Kernels talk to their learner's server over Unix sockets in the learner's private runtime folder
# (~/.local/share/jupyter/runtime, inside the 0700 home), not loopback TCP ports. A kernel publishes
# everything it prints, signed but not encrypted, and on TCP any local user can subscribe: one
# learner could read what another's kernel prints (tests/test_hub.py showed it). Unix sockets also
# end the port clashes of 30 kernels starting in the same second ("Address already in use").
c.Spawner.args = ["--KernelManager.transport=ipc"]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
c.Spawner.environment = {
    "OSMOSIS_DATA_DIR": str(DATA_DIR),
    # The one JupyterLab settings file (no news fetched, no update check: the servers never
    # contact the network), labconfig/'s default settings (no news prompt) and its page config
    # (no floating cell toolbar), read from this repository rather than a copy of it.
    "JUPYTER_CONFIG_PATH": str(REPO / "deploy"),
    # Where "Export my work" hands a learner's file to the teacher (see the drop folder below).
    "OSMOSIS_DROP_DIR": lambda spawner: str(DROP_ROOT / spawner.user.name),
}
# A learner's kernel on a class server: enough memory for all six lessons open (0.84 GiB
# measured), a cap so one runaway kernel cannot starve the class (enforced by the Docker and
# Kubernetes spawners; LocalProcessSpawner only reports it to the learner's server).
c.Spawner.mem_limit = "1.5G"
c.Spawner.http_timeout = 120  # 30 learners starting at once took 53 s here
c.Spawner.start_timeout = 120


def ensure_group(name: str) -> int:
    """The gid of system group ``name``, created (as a system group) when it is missing."""
    try:
        return grp.getgrnam(name).gr_gid
    except KeyError:
        subprocess.run(["groupadd", "--system", name], check=True)
        return grp.getgrnam(name).gr_gid


def prepare_learner(spawner) -> None:
    """Before each start: home 0700, and the learner's own drop folder.

    The drop folder. Learners hand in exports there; the teacher reads them; no learner can read
    or even list another learner's. Layout (all created here, by the hub, as root):

        DROP_ROOT/              root:<teachers>       0751  teachers list it; learners enter only
        DROP_ROOT/<learner>/    <learner>:<teachers>  2770  the learner and the teachers only

    The teachers must list the root: the class view is pointed at it and reads every learner's
    folder (with 0711 it could not list it and loaded nothing). Learners keep only the "x" of
    "others": enough to reach their own folder by its name, not to see who else is there.

    The setgid bit gives every file made inside the teachers' group, so a teacher (a member of
    TEACHER_GROUP) reads it with the learner's default umask (files 0644 are group-readable),
    while other learners, being "others" on a 2770 folder, cannot enter it. Why not one shared
    1733 folder: learners could not list it, but a file written with the usual umask is 0644,
    readable by anyone who guesses its name (and export names are predictable).
    """
    account = pwd.getpwnam(spawner.user.name)
    os.chmod(account.pw_dir, 0o700)
    teachers = ensure_group(TEACHER_GROUP)
    DROP_ROOT.mkdir(mode=0o751, parents=True, exist_ok=True)
    os.chown(DROP_ROOT, 0, teachers)
    os.chmod(DROP_ROOT, 0o751)
    drop = DROP_ROOT / spawner.user.name
    drop.mkdir(exist_ok=True)
    os.chown(drop, account.pw_uid, teachers)
    os.chmod(drop, 0o2770)


c.Spawner.pre_spawn_hook = prepare_learner

# -- Idle culling -----------------------------------------------------------------------------
# Stop a learner's server after IDLE_TIMEOUT_SECONDS without activity (their files stay; the
# next login starts it again). Never --cull-users: that would remove learners from the hub.
#
# The culler first takes back SIGINT's default action. A hub started with SIGINT ignored (a
# shell's background job, `nohup jupyterhub ... &`, some supervisors) passes that on to the
# processes it starts; the culler then ignored the hub's "stop" and stopping the hub waited
# about 30 s at "Cleaning up 1 services" before it was terminated (measured here). Now it stops
# at once. (The hub's own wait is not configurable for services.)
RUN_CULLER = (
    "import runpy, signal; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "runpy.run_module('jupyterhub_idle_culler', run_name='__main__', alter_sys=True)"
)
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-c",
            RUN_CULLER,
            f"--timeout={IDLE_TIMEOUT_SECONDS}",
            "--cull-every=300",
        ],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]

# -- How long learners' files are kept --------------------------------------------------------
# Everything a learner writes stays in their home folder (and their exports in their drop
# folder) until an administrator deletes it: this hub deletes nothing by itself, and deleting a
# user on the admin page removes them from the hub but NOT their system account or files.
# Keep them for the term, then follow deploy/README.md, "At the end of a term".
