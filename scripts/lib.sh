#!/usr/bin/env bash
# shellcheck shell=bash
# Shared functions for scripts/dev and scripts/test. Source it, or run one function
# in a fresh shell (with set -e in force): scripts/lib.sh build_release
#
# Everything the project needs is installed here, each step skipped when the right
# version is already present, so the same scripts work on a fresh machine and in CI.
# Facts behind the versions: shared/toolchain.md.

# ---------------------------------------------------------------- basics
AUTHSEC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"
BINARYEN_NPM_VERSION="132.0.0"
TOOLS_DIR="$AUTHSEC_ROOT/.tools"
BINARYEN_BIN="$TOOLS_DIR/binaryen/node_modules/.bin"
# terser minifies the JavaScript of the first load (wasm-bindgen's glue, the chunk loader).
TERSER_VERSION="5.51.4"
TERSER_BIN="$TOOLS_DIR/terser/node_modules/.bin"
E2E_DIR="$AUTHSEC_ROOT/tests/e2e"
DIST_DIR="${DIST_DIR:-$AUTHSEC_ROOT/dist}"
# The test command uses the debug build (already built by the host layer's
# `cargo test --workspace`); run and bench use release.
SANDBOX_PROFILE="${SANDBOX_PROFILE:-release}"
SANDBOX_BIN="${SANDBOX_BIN:-$AUTHSEC_ROOT/target/$SANDBOX_PROFILE/authsec-sandbox}"
BROTLI_MODULE="/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"
CHROMIUM_BIN="${CHROMIUM_BIN:-/usr/bin/chromium}"
CHROMEDRIVER_BIN="${CHROMEDRIVER_BIN:-/usr/bin/chromedriver}"
# Debian packages, by what needs them. nodejs/npm are only installed when `node` is
# missing (this machine kind ships Node 20 from elsewhere; Debian 12's is 18).
DEBS_HOST=(pkg-config libssl-dev ca-certificates)     # cargo test: the sandbox may link libssl
DEBS_BROWSER=(chromium chromium-driver)                # wasm-bindgen tests in headless Chromium
DEBS_STACK=(chromium nginx libnginx-mod-http-brotli-static brotli gzip curl oathtool)
LEPTOSFMT_VERSION="0.1.33"

# Seconds for the bounded readiness loops.
READY_TIMEOUT="${READY_TIMEOUT:-60}"

log()  { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[1;33mwarning:\033[0m %s\n' "$*" >&2; }
die()  { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# PATH: cargo's bin (trunk, wasm-bindgen, wasm-bindgen-test-runner) and the pinned
# wasm-opt first. Never Debian's binaryen (wasm-opt 108 breaks the build at run time).
setup_path() {
  case ":$PATH:" in *":$BINARYEN_BIN:"*) ;; *) PATH="$BINARYEN_BIN:$PATH" ;; esac
  case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) PATH="$PATH:$HOME/.cargo/bin" ;; esac
  export PATH
}
setup_path

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root for: $*"
  fi
}

# ---------------------------------------------------------------- children and cleanup
# Every background process a script starts is registered here and killed on exit
# (by its own pid: TERM, a bounded wait, then KILL).
_AUTHSEC_CHILDREN=()

register_child() { _AUTHSEC_CHILDREN+=("$1"); }

cleanup_children() {
  local pid i
  for pid in "${_AUTHSEC_CHILDREN[@]}"; do
    kill -0 "$pid" 2>/dev/null || continue
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${_AUTHSEC_CHILDREN[@]}"; do
    for ((i = 0; i < 50; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      warn "pid $pid did not stop on TERM; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
  _AUTHSEC_CHILDREN=()
}

# Installs the traps: EXIT cleans up; INT/TERM exit (which runs the EXIT trap).
install_cleanup_traps() {
  trap 'cleanup_children' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# wait_until DESCRIPTION SECONDS PID-or-empty CMD...: polls CMD every 0.25 s until it
# succeeds; fails when SECONDS pass or when PID (if given) has exited.
wait_until() {
  local what="$1" secs="$2" pid="$3"; shift 3
  local deadline=$((SECONDS + secs))
  while ! "$@" >/dev/null 2>&1; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      warn "$what: the process (pid $pid) exited while waiting"
      return 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      warn "$what: not ready after ${secs}s"
      return 1
    fi
    sleep 0.25
  done
}

# ---------------------------------------------------------------- installs
_APT_UPDATED=0
deb_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

apt_install() {
  local missing=() p
  for p in "$@"; do deb_installed "$p" || missing+=("$p"); done
  [ "${#missing[@]}" -eq 0 ] && return 0
  log "apt-get install ${missing[*]}"
  if [ "$_APT_UPDATED" -eq 0 ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    _APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

# ensure_debs [host] [browser] [stack]: the packages those parts need (default: all).
# "stack" is the served console: nginx, the sandbox, Chromium driven by node.
ensure_debs() {
  local parts=("$@") want=() part
  [ "${#parts[@]}" -eq 0 ] && parts=(host browser stack)
  for part in "${parts[@]}"; do
    case "$part" in
      host) want+=("${DEBS_HOST[@]}") ;;
      browser) want+=("${DEBS_BROWSER[@]}") ;;
      stack) want+=("${DEBS_HOST[@]}" "${DEBS_STACK[@]}") ;;
      *) die "ensure_debs: unknown part $part" ;;
    esac
  done
  apt_install "${want[@]}"
  case " ${parts[*]} " in
    *" browser "*|*" stack "*)
      [ -x "$CHROMIUM_BIN" ] || die "$CHROMIUM_BIN missing after install" ;;
  esac
  case " ${parts[*]} " in
    *" browser "*) [ -x "$CHROMEDRIVER_BIN" ] || die "$CHROMEDRIVER_BIN missing after install" ;;
  esac
  case " ${parts[*]} " in
    *" stack "*)
      [ -f "$BROTLI_MODULE" ] || die "$BROTLI_MODULE missing (package libnginx-mod-http-brotli-static)"
      if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        apt_install nodejs npm
      fi
      local major
      major="$(node -p 'process.versions.node.split(".")[0]')"
      [ "$major" -ge 20 ] || die "Node.js >= 20 is needed by playwright-core (found $(node --version))"
      ;;
  esac
}

# leptosfmt (the view! formatter, leptosfmt.toml) into .tools/leptosfmt.
ensure_leptosfmt() {
  local bin="$TOOLS_DIR/leptosfmt/bin/leptosfmt"
  if [ "$("$bin" --version 2>/dev/null | awk '{print $2}')" != "$LEPTOSFMT_VERSION" ]; then
    log "cargo install --locked leptosfmt@$LEPTOSFMT_VERSION (about 2 minutes)"
    cargo install --locked "leptosfmt@$LEPTOSFMT_VERSION" --root "$TOOLS_DIR/leptosfmt"
  fi
  LEPTOSFMT="$bin"
}

# The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
wasm_bindgen_lock_version() {
  awk '/^\[\[package\]\]/{n=""} /^name = "wasm-bindgen"$/{n=1; next} n && /^version = /{gsub(/"/,"",$3); print $3; exit}' \
    "$AUTHSEC_ROOT/Cargo.lock"
}

ensure_wasm_target() {
  command -v cargo >/dev/null 2>&1 || die "cargo not found (install Rust with rustup first)"
  if ! rustup target list --installed 2>/dev/null | grep -qx 'wasm32-unknown-unknown'; then
    log "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    log "cargo install --locked trunk@$TRUNK_VERSION (about 7 minutes)"
    cargo install --locked "trunk@$TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen() {
  local wbv
  wbv="$(wasm_bindgen_lock_version)"
  [ -n "$wbv" ] || die "no wasm-bindgen package in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbv" ] \
     || [ "$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}')" != "$wbv" ]; then
    # Without --locked: with it, the lock file asks for a webpki-roots release the
    # registry does not serve (shared/toolchain.md).
    log "cargo install wasm-bindgen-cli --version $wbv (about 3 minutes)"
    cargo install --force wasm-bindgen-cli --version "$wbv"
  fi
}

ensure_binaryen() {
  if ! "$BINARYEN_BIN/wasm-opt" --version 2>/dev/null | grep -Eq "version $BINARYEN_VERSION([^0-9]|$)"; then
    log "npm install binaryen@$BINARYEN_NPM_VERSION into .tools/binaryen"
    mkdir -p "$TOOLS_DIR/binaryen"
    npm install --silent --no-audit --no-fund --no-save --prefix "$TOOLS_DIR/binaryen" \
      "binaryen@$BINARYEN_NPM_VERSION"
  fi
  setup_path
  [ "$(command -v wasm-opt)" = "$BINARYEN_BIN/wasm-opt" ] \
    || die "wasm-opt on PATH is $(command -v wasm-opt), not $BINARYEN_BIN/wasm-opt"
}

ensure_terser() {
  if ! "$TERSER_BIN/terser" --version 2>/dev/null | grep -qx "terser $TERSER_VERSION"; then
    log "npm install terser@$TERSER_VERSION into .tools/terser"
    mkdir -p "$TOOLS_DIR/terser"
    npm install --silent --no-audit --no-fund --no-save --prefix "$TOOLS_DIR/terser" \
      "terser@$TERSER_VERSION"
  fi
}

# Lighthouse for scripts/bench (area `lighthouse`) only: not part of the test command.
LIGHTHOUSE_VERSION="12.8.2"
ensure_lighthouse() {
  local pkg="$TOOLS_DIR/lighthouse/node_modules/lighthouse/package.json"
  if [ "$(node -p "require('$pkg').version" 2>/dev/null)" != "$LIGHTHOUSE_VERSION" ]; then
    log "npm install lighthouse@$LIGHTHOUSE_VERSION into .tools/lighthouse"
    mkdir -p "$TOOLS_DIR/lighthouse"
    npm install --silent --no-audit --no-fund --no-save --prefix "$TOOLS_DIR/lighthouse" \
      "lighthouse@$LIGHTHOUSE_VERSION"
  fi
}

# wasm-split-cli (crate wasm_split_cli_support): splits the release wasm into one
# chunk per area; its version matches leptos' wasm_split_helpers.
WASM_SPLIT_VERSION="0.2.3"
ensure_wasm_split() {
  # The CLI has no --version: cargo's own list of installed packages says.
  if ! command -v wasm-split-cli >/dev/null 2>&1 \
     || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    log "cargo install --locked wasm_split_cli_support@$WASM_SPLIT_VERSION --features build-binary (about 2 minutes)"
    cargo install --locked "wasm_split_cli_support@$WASM_SPLIT_VERSION" --features build-binary
  fi
}

# The wasm target, wasm-bindgen-cli (= Cargo.lock), wasm-split-cli and wasm-opt 132.
# Trunk is not needed by any script (ensure_trunk installs it for `trunk serve`).
ensure_toolchain() {
  ensure_wasm_target
  ensure_wasm_bindgen
  ensure_wasm_split
  ensure_binaryen
  ensure_terser
}

# npm ci in tests/e2e when node_modules is missing or older than package-lock.json.
ensure_node_deps() {
  local stamp="$E2E_DIR/node_modules/.authsec-lock.sha256" want have=""
  want="$(sha256sum "$E2E_DIR/package-lock.json" | awk '{print $1}')"
  [ -f "$stamp" ] && have="$(cat "$stamp")"
  if [ "$want" != "$have" ] || [ ! -f "$E2E_DIR/node_modules/playwright-core/package.json" ]; then
    log "npm ci in tests/e2e"
    (cd "$E2E_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
    printf '%s\n' "$want" >"$stamp"
  fi
}

ensure_all() {
  ensure_debs host browser stack
  ensure_toolchain
  ensure_node_deps
}

# ---------------------------------------------------------------- ports
port_in_use() {
  if command -v ss >/dev/null 2>&1; then
    # Any socket on it, not only a listener: a connection's end blocks a bind as well.
    ss -Htan "sport = :$1" 2>/dev/null | grep -q .
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

# free_port [PREFERRED]: prints PREFERRED when it is free, else a free port below the
# kernel's ephemeral range, which outgoing connections take ports from at any moment (a
# port free when picked could be some connection's before the server binds it).
free_port() {
  local p="${1:-}" i low=32768
  if [ -n "$p" ] && ! port_in_use "$p"; then echo "$p"; return 0; fi
  read -r low _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || low=32768
  [ "$low" -gt 12000 ] || low=32768
  for ((i = 0; i < 200; i++)); do
    p=$((10000 + RANDOM % (low - 10000)))
    if ! port_in_use "$p"; then echo "$p"; return 0; fi
  done
  die "no free port found"
}

# ---------------------------------------------------------------- build
build_sandbox() {
  if [ "$SANDBOX_PROFILE" = release ]; then
    log "cargo build --release -p authsec-sandbox"
    (cd "$AUTHSEC_ROOT" && cargo build --release -p authsec-sandbox)
  else
    log "cargo build -p authsec-sandbox"
    (cd "$AUTHSEC_ROOT" && cargo build -p authsec-sandbox)
  fi
  [ -x "$SANDBOX_BIN" ] || die "$SANDBOX_BIN was not built"
}

# build_release: the release dist/, split into one wasm chunk per area.
#   1. cargo build --release --features split, linked with --emit-relocs so the
#      splitter can move functions between modules;
#   2. wasm-split-cli (crate wasm_split_cli_support): main.wasm, one .wasm per
#      chunk and __wasm_split.js, the loader that fetches a chunk on first use;
#   3. wasm-bindgen --target web on main.wasm only;
#   4. wasm-opt -Oz on every .wasm; scripts/pack-chunks.mjs: the shared chunks packed
#      one file per area (pack_<area>.wasm) and the loader rewritten for them; terser on
#      every .js (about 2.9 KB brotli less);
#   5. scripts/assemble-dist.mjs: dist/assets/<hash>/ and index.html;
#   6. .br/.gz beside each file, and the inline loader's hash for the CSP.
# Trunk cannot split (trunk-rs/trunk#1022); `trunk serve` still works for a quick
# unsplit development build.
# registry_src_dirs: each registry folder (…/registry/src/<registry>/) that holds a
# package of the build, from cargo's own metadata (after cargo fetch).
registry_src_dirs() {
  (cd "$AUTHSEC_ROOT" && cargo metadata --format-version 1 --offline) \
    | grep -o '"manifest_path":"[^"]*/registry/src/[^/"]*/' \
    | sed 's/^"manifest_path":"//' | sort -u
}

build_release() {
  local tdir="${CARGO_TARGET_DIR:-$AUTHSEC_ROOT/target}"
  local wasm="$tdir/wasm32-unknown-unknown/release/authsec-console.wasm"
  local stage="$tdir/split" f
  log "cargo fetch"
  (cd "$AUTHSEC_ROOT" && cargo fetch)
  log "cargo build --release --features split (wasm32, --emit-relocs)"
  # --remap-path-prefix: panic locations name crates by their short path
  # (leptos-0.8.23/src/…), not /root/.cargo/registry/src/index.crates.io-…/ (80 such
  # strings in the first load). The registry folders are the ones cargo itself reports:
  # where they are, and their names, differ between machines (CARGO_HOME, a mirror), and
  # the first load's size would differ with them.
  local flags="-C link-args=--emit-relocs --remap-path-prefix=$AUTHSEC_ROOT/=" src
  for src in $(registry_src_dirs); do
    flags="$flags --remap-path-prefix=$src="
  done
  (cd "$AUTHSEC_ROOT" && CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$flags" \
    cargo build --release --offline --target wasm32-unknown-unknown --features split --bin authsec-console)
  if grep -aq "/registry/src/" "$wasm"; then
    die "the wasm still names a registry folder (--remap-path-prefix missed it): its size would depend on the machine"
  fi
  rm -rf "$stage" && mkdir -p "$stage/split" "$stage/out"
  log "wasm-split-cli: $(basename "$wasm") → main + chunks"
  wasm-split-cli "$wasm" "$stage/split"
  log "wasm-bindgen $(wasm-bindgen --version | awk '{print $2}') --target web"
  wasm-bindgen "$stage/split/main.wasm" --target web --out-dir "$stage/out" --out-name main \
    --no-typescript --keep-lld-exports
  for f in "$stage/split"/*; do
    case "$(basename "$f")" in main.wasm) ;; *) cp -r "$f" "$stage/out/" ;; esac
  done
  log "$(wasm-opt --version): -Oz on $(ls "$stage/out"/*.wasm | wc -l) modules, $(nproc) at a time"
  # The features rustc enables by default (wasm-opt cannot detect them in the
  # split modules). The linker's "names" subsection 3 is unknown to wasm-opt: one
  # warning per module, harmless (wasm-opt drops the names), so filtered out.
  # The first-load module gets more passes (GUFA, then -Oz until nothing changes):
  # about 400 B brotli less for about 30 s more. The chunks, not in the first load,
  # keep plain -Oz.
  find "$stage/out" -name '*.wasm' -print0 | xargs -0 -P "$(nproc)" -I{} sh -c '
    passes="-Oz"; [ "$(basename "$1")" = main_bg.wasm ] && passes="-Oz --gufa -Oz --converge"
    wasm-opt $passes --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue "$1" -o "$1" 2>"$1.err" \
      || { cat "$1.err" >&2; echo "wasm-opt failed on $1" >&2; exit 255; }
    grep -v "unknown name subsection" "$1.err" >&2; rm -f "$1.err"; exit 0' _ {} \
    || die "wasm-opt failed"
  # One file per area instead of one per shared chunk (about 220): the first visit of an
  # area is one request, not 30 to 100. Before terser: it reads the loader's comments.
  node "$AUTHSEC_ROOT/scripts/pack-chunks.mjs" "$stage/out" || die "packing the chunks failed"
  log "terser $TERSER_VERSION on $(find "$stage/out" -name '*.js' | wc -l) scripts"
  find "$stage/out" -name '*.js' -print0 | while IFS= read -r -d '' f; do
    "$TERSER_BIN/terser" "$f" --module --compress --mangle -o "$f" || die "terser failed on $f"
  done
  node "$AUTHSEC_ROOT/scripts/assemble-dist.mjs" "$stage/out" "$DIST_DIR" >&2
  [ -f "$DIST_DIR/index.html" ] || die "the build produced no dist/index.html"
  precompress_dist "$DIST_DIR"
  local hashes styles
  hashes="$(csp_script_hashes "$DIST_DIR/index.html")"
  styles="$(csp_style_hashes "$DIST_DIR/index.html")"
  mkdir -p "$AUTHSEC_ROOT/target"
  printf '%s\n' "$hashes" >"$AUTHSEC_ROOT/target/csp-script-hashes.txt"
  printf '%s\n' "$styles" >"$AUTHSEC_ROOT/target/csp-style-hashes.txt"
  log "inline script hashes for CSP: ${hashes:-none} (also in target/csp-script-hashes.txt)"
  log "inline style hashes for CSP: ${styles:-none} (also in target/csp-style-hashes.txt)"
  log "dist/: $(du -sh "$DIST_DIR" | awk '{print $1}'); wasm: $(wasm_sizes "$DIST_DIR")"
}

# wasm_sizes DIST: the first-load module and each area's pack (bytes, brotli).
wasm_sizes() {
  local f
  for f in $(find "$1" -name '*.wasm' | sort); do
    printf '%s %s B (br %s B); ' "$(basename "$f" .wasm)" "$(stat -c %s "$f")" "$(stat -c %s "$f.br" 2>/dev/null || echo -)"
  done
}

# precompress_dist DIR: file.br (brotli -q 11) and file.gz (gzip -9) beside every
# text/wasm asset, for nginx brotli_static/gzip_static (or a CDN that serves them).
# config.json is left alone: it is rewritten per environment after the build.
precompress_dist() {
  local dir="$1" f n=0
  while IFS= read -r -d '' f; do
    [ "$(basename "$f")" = "config.json" ] && continue
    brotli -k -f -q 11 -o "$f.br" "$f"
    gzip -k -f -9 -n "$f"
    touch -r "$f" "$f.br" "$f.gz"
    n=$((n + 1))
  done < <(find "$dir" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.mjs' -o -name '*.css' \
             -o -name '*.html' -o -name '*.json' -o -name '*.svg' -o -name '*.map' -o -name '*.webmanifest' \) -print0)
  log "precompressed $n files in $dir (.br and .gz)"
}

# csp_script_hashes INDEX_HTML: prints 'sha256-…' (quoted, space separated) for each
# inline <script> (no src) in the file: sha256 of its exact text, base64. CR/CRLF are
# normalised to LF first, as the HTML parser does before CSP sees the text.
csp_script_hashes() {
  csp_inline_hashes "$1" script
}

# csp_style_hashes INDEX_HTML: the same for each inline <style> (the sign-in's stylesheet).
csp_style_hashes() {
  csp_inline_hashes "$1" style
}

# csp_inline_hashes INDEX_HTML TAG: the hashes of the inline TAG elements (script or style).
csp_inline_hashes() {
  node - "$1" "$2" <<'EOF'
const fs = require('fs');
const crypto = require('crypto');
const [file, tag] = process.argv.slice(2);
const html = fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
const out = [];
for (const m of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)<\\/${tag}\\s*>`, 'gi'))) {
  if (/\bsrc\s*=/i.test(m[1])) continue;
  out.push(`'sha256-${crypto.createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
}
process.stdout.write([...new Set(out)].join(' '));
EOF
}

# csp_policy INDEX_HTML API_ORIGIN...: the Content-Security-Policy value.
csp_policy() {
  local index="$1"; shift
  local hashes styles connect="'self'" o
  hashes="$(csp_script_hashes "$index")"
  styles="$(csp_style_hashes "$index")"
  for o in "$@"; do connect="$connect $o"; done
  printf "%s" "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'${hashes:+ $hashes}; style-src 'self'${styles:+ $styles}; img-src 'self' data:; connect-src $connect; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
}

# write_config DIST API_BASE [TENANT] [APP_NAME] [SANDBOX=true|false] [CRASH_TEST=false|true]
#   CRASH_TEST: the test deployment's /crash-test route, which panics on purpose
write_config() {
  local dist="$1" api="$2" tenant="${3:-acme}" app="${4:-AuthSec Console}" sandbox="${5:-true}"
  # From the last started sandbox's facts (SANDBOX_FACTS): the client end users sign
  # in through and, for a sandbox, the demo accounts the sign-in page lists.
  node -e 'const fs = require("fs");
    const [out, api, tenant, app, sandbox, crash, factsFile] = process.argv.slice(1);
    const c = { api_base: api, tenant_domain: tenant, app_name: app, sandbox: sandbox === "true" };
    if (factsFile) {
      const f = JSON.parse(fs.readFileSync(factsFile, "utf8"));
      c.end_user_client_id = f.end_user_client_id;
      if (c.sandbox) {
        // The workspace only where it is not the configured one (config.json is sent as it is).
        c.demo = { password: f.password, accounts: f.accounts.map(({ email, workspace, note }) => (workspace === tenant ? { email, note } : { email, workspace, note })) };
      }
    }
    if (crash === "true") c.crash_test = true;
    fs.writeFileSync(out, JSON.stringify(c) + "\n");' \
    "$dist/config.json" "$api" "$tenant" "$app" "$sandbox" "${6:-false}" "${SANDBOX_FACTS:-}"
  rm -f "$dist/config.json.br" "$dist/config.json.gz"
}

# ---------------------------------------------------------------- nginx
# render_nginx_conf RUNDIR DIST LISTEN CSP: writes RUNDIR/nginx.conf and
# RUNDIR/security-headers.conf from deploy/*.template.
render_nginx_conf() {
  local rundir="$1" dist="$2" listen="$3" csp="$4" user_line="" tpl hdr
  case "$csp" in *'"'*|*"'unsafe-inline'"*|*"'unsafe-eval'"*) warn "refusing CSP: $csp"; return 1 ;; esac
  mkdir -p "$rundir/tmp" || return 1
  rundir="$(cd "$rundir" && pwd)" || return 1
  dist="$(cd "$dist" && pwd)" || return 1
  if [ "$(id -u)" -eq 0 ]; then
    # Workers run as nobody when nobody can read dist/, else as root (a checkout
    # under /root): this server only listens on loopback.
    if runuser -u nobody -- test -r "$dist/index.html" 2>/dev/null; then
      user_line="user nobody nogroup;"
    else
      user_line="user root root;"
    fi
  fi
  local had_patsub=0
  shopt -q patsub_replacement 2>/dev/null && had_patsub=1 && shopt -u patsub_replacement
  # Full-line comments are dropped: they document the placeholders by name.
  tpl="$(grep -v '^[[:space:]]*#' "$AUTHSEC_ROOT/deploy/nginx.conf.template")"
  tpl="${tpl//@@RUNDIR@@/$rundir}"
  tpl="${tpl//@@ROOT@@/$dist}"
  tpl="${tpl//@@LISTEN@@/$listen}"
  tpl="${tpl//@@USER@@/$user_line}"
  tpl="${tpl//@@BROTLI_MODULE@@/$BROTLI_MODULE}"
  tpl="${tpl//@@SECURITY_HEADERS@@/$rundir/security-headers.conf}"
  hdr="$(grep -v '^[[:space:]]*#' "$AUTHSEC_ROOT/deploy/security-headers.conf.template")"
  hdr="${hdr//@@CSP@@/$csp}"
  [ "$had_patsub" -eq 1 ] && shopt -s patsub_replacement
  printf '%s\n' "$tpl" >"$rundir/nginx.conf" || return 1
  printf '%s\n' "$hdr" >"$rundir/security-headers.conf" || return 1
  if grep -q '@@[A-Z_]*@@' "$rundir/nginx.conf" "$rundir/security-headers.conf"; then
    warn "unfilled placeholder in $rundir"; return 1
  fi
}

# start_nginx RUNDIR PORT: nginx -t, then nginx in the foreground as a registered
# child; waits until / and /config.json answer 200. Returns 1 on failure.
NGINX_PID=""
start_nginx() {
  local rundir="$1" port="$2"
  if ! nginx -q -t -p "$rundir/" -e "$rundir/error.log" -c "$rundir/nginx.conf"; then
    warn "nginx -t failed for $rundir/nginx.conf"; return 1
  fi
  nginx -p "$rundir/" -e "$rundir/error.log" -c "$rundir/nginx.conf" -g 'daemon off;' \
    >>"$rundir/stdout.log" 2>&1 &
  NGINX_PID=$!
  register_child "$NGINX_PID"
  if ! wait_until "nginx on 127.0.0.1:$port" "$READY_TIMEOUT" "$NGINX_PID" \
       curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
    tail -n 20 "$rundir/error.log" >&2 || true
    return 1
  fi
  if ! wait_until "nginx /config.json" 10 "$NGINX_PID" \
       curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/config.json"; then
    warn "nginx does not serve /config.json (was it written to dist/?)"; return 1
  fi
  log "nginx serving $(grep -m1 -o 'root [^;]*' "$rundir/nginx.conf") on 127.0.0.1:$port (pid $NGINX_PID)"
}

# ---------------------------------------------------------------- sandbox
# fact FILE KEY: one value of a sandbox facts file (`--facts`), by a dotted key
# ("totp_secret", "tenants.acme"); empty when absent. Read with node (every part
# that starts a sandbox has it).
fact() {
  node -e 'const f = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const v = process.argv[2].split(".").reduce((o, k) => (o == null ? o : o[k]), f);
    process.stdout.write(v == null ? "" : String(v));' "$1" "$2"
}

# demo_sign_ins FACTS: the demo accounts, password, TOTP secret and backup code of a
# sandbox, as lines for a terminal.
demo_sign_ins() {
  node -e 'const f = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const w = Math.max(...f.accounts.map((a) => a.email.length)) + 2;
    console.log(`  Demo sign-ins (password ${f.password}):`);
    for (const a of f.accounts) console.log(`    ${a.email.padEnd(w)}${a.workspace}: ${a.note}`);
    console.log(`  Authenticator secret: ${f.totp_secret} (code now: oathtool --totp -b ${f.totp_secret})`);
    console.log(`  A backup code of ${f.backup_code_of} (single use): ${f.backup_code}`);' "$1"
}

# start_sandbox LOG PORT ALLOW_ORIGIN...: runs the sandbox as a registered child, waits
# for /healthz and for the demo facts it writes beside LOG (LOG without .log, plus
# .facts.json): SANDBOX_FACTS names that file; TOTP_SECRET, BACKUP_CODE and
# END_USER_CLIENT are read from it. SANDBOX_EXTRA_ARGS adds arguments (split on
# spaces). Returns 1 on failure.
# shellcheck disable=SC2034  # read by the scripts that source this file
SANDBOX_PID=""; SANDBOX_FACTS=""; TOTP_SECRET=""; BACKUP_CODE=""; END_USER_CLIENT=""
start_sandbox() {
  local logf="$1" port="$2"; shift 2
  local facts="${logf%.log}.facts.json"
  local args=(--addr "127.0.0.1:$port" --facts "$facts") o
  for o in "$@"; do args+=(--allow-origin "$o"); done
  if [ -n "${SANDBOX_EXTRA_ARGS:-}" ]; then
    # shellcheck disable=SC2206
    args+=($SANDBOX_EXTRA_ARGS)
  fi
  if [ ! -x "$SANDBOX_BIN" ]; then warn "$SANDBOX_BIN missing: build it first"; return 1; fi
  mkdir -p "$(dirname "$logf")" && : >"$logf" && rm -f "$facts" || return 1
  log "authsec-sandbox ${args[*]}"
  NO_COLOR=1 "$SANDBOX_BIN" "${args[@]}" >>"$logf" 2>&1 &
  SANDBOX_PID=$!
  register_child "$SANDBOX_PID"
  if ! wait_until "sandbox on 127.0.0.1:$port" "$READY_TIMEOUT" "$SANDBOX_PID" \
       curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/healthz"; then
    tail -n 30 "$logf" >&2 || true
    return 1
  fi
  # The sandbox writes the file (whole) before it serves: it is there by now.
  [ -s "$facts" ] || { warn "the sandbox wrote no $facts"; return 1; }
  SANDBOX_FACTS="$facts"
  TOTP_SECRET="$(fact "$facts" totp_secret)"
  BACKUP_CODE="$(fact "$facts" backup_code)"
  END_USER_CLIENT="$(fact "$facts" end_user_client_id)"
  log "sandbox on 127.0.0.1:$port (pid $SANDBOX_PID, log $logf, facts $facts)"
}

# Run as a program: scripts/lib.sh FUNCTION ARGS... (a fresh shell, so set -e holds
# inside the function even when the caller tests its status).
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  [ "$#" -ge 1 ] || die "usage: scripts/lib.sh FUNCTION [ARGS...]"
  "$@"
fi
