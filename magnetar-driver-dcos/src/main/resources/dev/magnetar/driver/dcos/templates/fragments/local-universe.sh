# A local Universe for clusters without Internet access (docs/dcos-driver.md, "Air-gapped Universe"): the bootstrap
# server serves the operator's repository file (Universe v4/v5 JSON,
# docs/reference/dcos-facts.md#universe-repository-files) and package artefacts on the private network, and the
# masters add it to Cosmos as the first repository. Heat appends this file after common.sh; it only defines
# functions.

# fetch_to SOURCE PATH: an http(s) URL or a path on the image, copied to PATH.
fetch_to() {
    case "$1" in
        http://* | https://*) curl -fsSL --retry 5 -o "$2" "$1" ;;
        *) cp -- "$1" "$2" ;;
    esac
}

# local_universe_prepare SERVED_DIR BASE_URL: fills SERVED_DIR/universe with repo.json and the
# artefacts, replaces @LOCAL_UNIVERSE@ in the repository file with BASE_URL/universe (where the
# artefacts are served), checks that the file is a Universe repository and prints its media type.
local_universe_prepare() {
    local served=$1 base_url=$2 dir archive
    dir="$served/universe"
    mkdir -p "$dir/artifacts"
    fetch_to "${LOCAL_UNIVERSE_REPOSITORY}" "$dir/repo.json.download"
    sed "s|@LOCAL_UNIVERSE@|${base_url}/universe|g" "$dir/repo.json.download" > "$dir/repo.json"
    rm -f "$dir/repo.json.download"
    if [ -n "${LOCAL_UNIVERSE_ARTIFACTS:-}" ]; then
        case "${LOCAL_UNIVERSE_ARTIFACTS}" in
            http://* | https://*)
                archive="$dir/artifacts.download"
                fetch_to "${LOCAL_UNIVERSE_ARTIFACTS}" "$archive"
                tar -xf "$archive" -C "$dir/artifacts"
                rm -f "$archive"
                ;;
            *) cp -R -- "${LOCAL_UNIVERSE_ARTIFACTS}/." "$dir/artifacts/" ;;
        esac
    fi
    python3 - "$dir/repo.json" <<'PY'
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    repo = json.load(f)
packages = repo.get("packages") if isinstance(repo, dict) else None
if not isinstance(packages, list) or not packages:
    sys.exit("not a Universe repository: no packages list")
versions = {str(p.get("packagingVersion", "")) for p in packages if isinstance(p, dict)}
unknown = versions - {"2.0", "3.0", "4.0", "5.0"}
if unknown:
    sys.exit("not a Universe repository: packagingVersion " + ", ".join(sorted(unknown)))
print("application/vnd.dcos.universe.repo+json;charset=utf-8;version="
      + ("v5" if "5.0" in versions else "v4"))
PY
}

# local_universe_server PATH: writes the bootstrap server's HTTP server, which serves its working
# directory and answers universe/repo.json with the Universe media type Cosmos asks for.
local_universe_server() {
    cat > "$1" <<'PY'
import http.server
import socketserver
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    universe_type = sys.argv[2] if len(sys.argv) > 2 else ""

    def guess_type(self, path):
        if self.universe_type and path.replace("\\", "/").endswith("/universe/repo.json"):
            return self.universe_type
        return super().guess_type(path)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


Server(("", int(sys.argv[1])), Handler).serve_forever()
PY
}

# local_universe_add URI: adds the local Universe to Cosmos as its first repository, from a master
# (Cosmos' own port answers without Admin Router's login). Present already counts as done.
local_universe_add() {
    local uri=$1 body status tries=0
    body=$(printf '{"name": "%s", "uri": "%s", "index": 0}' "${LOCAL_UNIVERSE_NAME}" "$uri")
    while true; do
        status=$(curl -sS -o /tmp/dcos/local-universe-add.json -w '%{http_code}' -X POST \
            -H 'Content-Type: application/vnd.dcos.package.repository.add-request+json;charset=utf-8;version=v1' \
            -H 'Accept: application/vnd.dcos.package.repository.add-response+json;charset=utf-8;version=v1' \
            --data-binary "$body" http://localhost:7070/package/repository/add || true)
        if [ "$status" = "200" ] || [ "$status" = "409" ]; then
            return 0
        fi
        tries=$((tries + 1))
        if [ "$tries" -ge 30 ]; then
            log "Cosmos answered $status to adding the local Universe: $(head -c 200 /tmp/dcos/local-universe-add.json)"
            return 1
        fi
        sleep 10
    done
}
