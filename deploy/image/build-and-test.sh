#!/usr/bin/env bash
# Build the lessons' container image with podman on a machine without Docker Hub, and test it.
#
#   deploy/image/build-and-test.sh            (as root, from anywhere in the repository)
#
# 1. debootstraps a minimal Debian bookworm from the mirror this machine's apt already uses, and
#    imports it as localhost/debian-bookworm-min (reused on later runs; FRESH_BASE=1 rebuilds it);
# 2. builds deploy/image/Containerfile on it, with pip pointed at the package index this machine's
#    pip uses and trusting the certificates it trusts (nothing about this machine is written
#    into the image or the repository);
# 3. runs the image with no network: not root, postBuild's results present, lesson 00 executed top
#    to bottom by nbclient (from the repository, then from an empty home folder as on a hub),
#    and the default command serving JupyterLab;
# 4. prints the image's size and how long each step took.
# On a machine that reaches Docker Hub, `podman build -f deploy/image/Containerfile
# --ignorefile deploy/image/Containerfile.dockerignore .` is enough (deploy/image/README.md).
set -euo pipefail

cd "$(dirname "$0")/../.."
IMAGE=${IMAGE:-osmosis-lab}
BASE_IMAGE=localhost/debian-bookworm-min
# Found necessary here (nested containers): podman's default nproc/nofile limits and runtime fail.
PODMAN=(podman --runtime /usr/sbin/runc)
LIMITS=(--ulimit nofile=4096:4096 --ulimit nproc=4096:4096)

timings=()
step() {  # step NAME COMMAND...: run a command, remember how long it took
    local name=$1 start=$SECONDS
    shift
    echo "== $name"
    "$@"
    timings+=("$(printf '%-34s %5d s' "$name" $((SECONDS - start)))")
}

install_tools() {
    local missing=()
    command -v debootstrap >/dev/null || missing+=(debootstrap)
    command -v podman >/dev/null || missing+=(podman)
    [ -x /usr/sbin/runc ] || missing+=(runc)
    if [ ${#missing[@]} -gt 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

# The Debian mirror (and proxy) this machine's apt uses, read from apt's own configuration.
debian_mirror() {
    apt-get indextargets --format '$(REPO_URI)' \
        'Identifier: Packages' 'Release: bookworm' 'Component: main' | head -n 1
}

build_base() {
    if [ "${FRESH_BASE:-0}" != 1 ] && "${PODMAN[@]}" image exists "$BASE_IMAGE"; then
        echo "reusing $BASE_IMAGE (FRESH_BASE=1 rebuilds it)"
        return
    fi
    local mirror proxy rootfs
    mirror=$(debian_mirror)
    [ -n "$mirror" ] || { echo "apt knows no Debian bookworm main mirror: run apt-get update" >&2; exit 1; }
    eval "$(apt-config shell proxy Acquire::http::Proxy)"
    rootfs=$(mktemp -d /var/tmp/debian-bookworm-min.XXXXXX)
    echo "debootstrap from $mirror${proxy:+ through $proxy}"
    http_proxy=${proxy:-${http_proxy:-}} debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/dev/null
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    tar -C "$rootfs" -c . | "${PODMAN[@]}" import - "$BASE_IMAGE"
    rm -rf "$rootfs"
}

# The index this machine's pip uses (environment first, then pip's configuration files), handed
# to the build as PIP_* build arguments, which are not kept in the image. Local (file://)
# indexes are left out: mounting them would leave their mount points in the image, and PyPI
# has everything. The CA bundle pip trusts (here, that of a TLS-inspecting proxy) goes in as a
# build secret, so it is not kept either.
pip_setting() {
    local key=$1 env_name=$2
    if [ -n "${!env_name:-}" ]; then echo "${!env_name}"; return; fi
    python3 -m pip config list 2>/dev/null \
        | sed -n "s/^[a-z:]*\.${key}='\(.*\)'\$/\1/p" | tail -n 1
}

pip_args=()
collect_pip_args() {
    local key env_name value location kept
    for key in index-url extra-index-url find-links; do
        env_name=PIP_$(echo "$key" | tr 'a-z-' 'A-Z_')
        kept=()
        for location in $(pip_setting "$key" "$env_name"); do
            case $location in
                http://* | https://*) kept+=("$location") ;;
                *) echo "pip $key $location: on this machine's disk, not used in the build" ;;
            esac
        done
        [ ${#kept[@]} -gt 0 ] || continue
        echo "pip $key: ${kept[*]}"
        pip_args+=(--build-arg "$env_name=${kept[*]}")
    done
    value=$(pip_setting cert PIP_CERT)
    if [ -f "$value" ]; then
        echo "pip cert: $value"
        pip_args+=(--secret "id=pip-cert,src=$value" --build-arg PIP_CERT=/run/secrets/pip-cert)
    fi
}

build_image() {
    collect_pip_args
    "${PODMAN[@]}" build "${LIMITS[@]}" "${pip_args[@]}" \
        --build-arg BASE="$BASE_IMAGE" \
        --ignorefile deploy/image/Containerfile.dockerignore \
        -f deploy/image/Containerfile -t "$IMAGE" .
}

# Everything below runs with --network none: the lessons need no network at run time.
run_offline() { "${PODMAN[@]}" run --rm --network none "${LIMITS[@]}" "$IMAGE" "$@"; }

check_user_and_postbuild() {
    local uid
    uid=$(run_offline id -u)
    echo "runs as uid $uid"
    [ "$uid" != 0 ] || { echo "the image runs as root" >&2; exit 1; }
    run_offline python -c '
import json, os, pathlib, sys
import osmosis_lab
settings = pathlib.Path(sys.prefix, "etc/jupyter/jupyter_server_config.json")
package = pathlib.Path(osmosis_lab.__file__).parent
print("postBuild installed osmosis_lab from", package)
print("postBuild installed", settings, json.loads(settings.read_text())["LabApp"])
assert package.is_relative_to(os.environ["REPO_DIR"]), "not the editable install postBuild makes"
'
    if run_offline sh -c 'command -v jupyterhub-singleuser' >/dev/null; then
        echo "jupyterhub-singleuser is installed"
    else
        echo "jupyterhub-singleuser is NOT installed (constraints.txt does not pin jupyterhub)"
    fi
}

# Runs the notebook given as its argument top to bottom; cells tagged raises-exception may
# raise, any other error stops it with a non-zero exit.
RUN_NOTEBOOK='
import pathlib, sys, time, nbformat
from nbclient import NotebookClient
path = pathlib.Path(sys.argv[1]).resolve()
notebook = nbformat.read(path, as_version=4)
start = time.perf_counter()
client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                        resources={"metadata": {"path": str(path.parent)}})
client.execute()
code = [cell for cell in notebook.cells if cell.cell_type == "code"]
errors = [out for cell in code for out in cell.get("outputs", []) if out.output_type == "error"]
tagged = sum("raises-exception" in cell.metadata.get("tags", []) for cell in code)
print(f"{path}: {len(code)} code cells ran in {time.perf_counter() - start:.1f} s, "
      f"{len(errors)} error outputs ({tagged} cells tagged raises-exception)")
assert len(errors) <= tagged
'

run_lesson_00() {
    run_offline python -c "$RUN_NOTEBOOK" lessons/00_start_here.ipynb
}

# As on a hub: an empty folder owned by the learner mounted over /home/jovyan (a fresh
# persistent volume), the lessons copied into it (as nbgitpuller does), the server's folder
# the home folder.
run_lesson_00_in_an_empty_home() {
    local home status=0
    home=$(mktemp -d /var/tmp/osmosis-home.XXXXXX)
    chown 1000:1000 "$home"
    "${PODMAN[@]}" run --rm --network none "${LIMITS[@]}" \
        --volume "$home:/home/jovyan" --workdir /home/jovyan "$IMAGE" sh -c '
set -e
test -z "$(ls -A "$HOME")" || { echo "home is not empty" >&2; exit 1; }
mkdir -p osmosis-ethics-lab && cp -r "$REPO_DIR/lessons" osmosis-ethics-lab/
python -c "$1" osmosis-ethics-lab/lessons/00_start_here.ipynb' sh "$RUN_NOTEBOOK" || status=$?
    rm -rf "$home"
    return $status
}

serve_default_command() {
    local container ready=""
    container=$("${PODMAN[@]}" run -d --network none "${LIMITS[@]}" "$IMAGE")
    for _ in $(seq 60); do
        if "${PODMAN[@]}" logs "$container" 2>&1 | grep -q 'is running at'; then ready=1; break; fi
        sleep 1
    done
    if [ -n "$ready" ]; then
        "${PODMAN[@]}" exec "$container" python -c '
import json, urllib.request
with urllib.request.urlopen("http://127.0.0.1:8888/api") as response:
    print("default command serves Jupyter Server", json.load(response)["version"])
' || ready=""
    fi
    "${PODMAN[@]}" logs "$container" 2>&1 | grep -iE 'error|traceback|news' || true
    "${PODMAN[@]}" rm -f "$container" >/dev/null
    [ -n "$ready" ] || { echo "the default command did not serve JupyterLab within 60 s" >&2; exit 1; }
}

step "install debootstrap, podman, runc" install_tools
step "base image (debootstrap + import)" build_base
step "podman build" build_image
step "user and postBuild checks" check_user_and_postbuild
step "lesson 00 (nbclient, no network)" run_lesson_00
step "lesson 00 from an empty home" run_lesson_00_in_an_empty_home
step "default command serves JupyterLab" serve_default_command

echo "== summary"
printf '%s\n' "${timings[@]}"
"${PODMAN[@]}" images --format '{{.Repository}}:{{.Tag}} {{.Size}}' \
    | grep -E "(^|/)($IMAGE|debian-bookworm-min):" || true
echo "image size: $("${PODMAN[@]}" image inspect "$IMAGE" --format '{{.Size}}') bytes"
