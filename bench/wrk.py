"""Driving a page with wrk (Debian's `wrk`): one URL or a rotation of paths, GET or POST,
with the staff session's cookie when the page needs one; the answer read back as req/s,
p50 and p99 latency, and the count of socket errors and of answers other than 200."""

import re
import subprocess
import tempfile
from pathlib import Path

WRK = "/usr/bin/wrk"
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _lua_string(text):
    return "[==[" + text + "]==]"


def script(paths, method="GET", body=None, headers=None):
    """Return Lua for wrk that sends `paths` in turn, with `method`, `body` and `headers`
    (passed to wrk.format on every request: wrk.headers set at load time is not sent)."""
    pairs = ", ".join(f"[ {_lua_string(k)} ] = {_lua_string(v)}" for k, v in
                      (headers or {}).items())
    lines = ["local paths = {" + ", ".join(_lua_string(p) for p in paths) + "}",
             "local headers = {" + pairs + "}",
             f"local method = {_lua_string(method)}",
             f"local body = {_lua_string(body) if body is not None else 'nil'}",
             "local i = 0",
             "request = function()", "  i = i % #paths + 1",
             "  return wrk.format(method, paths[i], headers, body)", "end",
             # Answers other than 200 (a redirect to sign-in, say) are counted apart:
             # wrk itself counts 3xx as success.
             "not200 = 0",
             "response = function(status) if status ~= 200 then not200 = not200 + 1 end end",
             "local threads = {}",
             "function setup(thread) table.insert(threads, thread) end",
             "function done(summary, latency, requests)",
             "  local n = 0",
             "  for _, thread in ipairs(threads) do n = n + thread:get('not200') end",
             "  io.write(string.format('Not 200: %d\\n', n))", "end"]
    return "\n".join(lines) + "\n"


def _millis(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def run(base, paths, method="GET", body=None, headers=None, duration=15, connections=16,
        threads=2):
    """Run wrk against `base` + `paths`; return {rps, p50, p99, requests, errors, bad}."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script(paths, method, body, headers))
    try:
        out = subprocess.run(
            [WRK, f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency",
             "--timeout", "30s", "-s", handle.name, base + paths[0]],
            capture_output=True, text=True, check=True).stdout
    finally:
        Path(handle.name).unlink(missing_ok=True)
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
              "requests": int(re.search(r"(\d+) requests in", out).group(1)),
              "p50": None, "p99": None, "errors": 0, "bad": 0}
    for pct, key in (("50", "p50"), ("99", "p99")):
        found = re.search(rf"^\s+{pct}%\s+([\d.]+(?:us|ms|s|m))\s*$", out, re.MULTILINE)
        if found:
            result[key] = _millis(found.group(1))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                       out)
    if errors:
        result["errors"] = sum(int(n) for n in errors.groups())
    bad = re.search(r"Not 200: (\d+)", out)
    if bad:
        result["bad"] = int(bad.group(1))
    return result
