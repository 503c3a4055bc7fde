#!/usr/bin/env python3
"""Fetch one access token per username (password grant) from the app under test, a few at a time.

usage: tokens.py BASE_URL PASSWORD USERNAMES_FILE OUT_FILE [PARALLEL]

Loopback only: BASE_URL must be http://127.0.0.1:PORT or http://localhost:PORT. Each request has a 30 s timeout
and is tried at most 3 times; the script fails if fewer than 90% of the tokens could be had.
"""
import json
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def main():
    base, password, users_file, out_file = sys.argv[1:5]
    parallel = int(sys.argv[5]) if len(sys.argv) > 5 else 2
    host = urllib.parse.urlparse(base).hostname
    if host not in ("127.0.0.1", "localhost"):
        sys.exit(f"tokens.py: refusing non-loopback target {base}")
    with open(users_file, encoding="utf-8") as f:
        users = [line.strip() for line in f if line.strip()]

    def fetch(username):
        body = urllib.parse.urlencode(
            {"grant_type": "password", "username": username, "password": password}).encode()
        for attempt in range(3):
            try:
                req = urllib.request.Request(base + "/api/v1/auth/token", data=body, method="POST",
                                             headers={"Content-Type": "application/x-www-form-urlencoded"})
                with urllib.request.urlopen(req, timeout=30) as resp:
                    return json.load(resp)["access_token"]
            except Exception as e:  # noqa: BLE001 - reported below
                err = e
                time.sleep(0.5 * (attempt + 1))
        print(f"tokens.py: no token for {username}: {err}", file=sys.stderr)
        return None

    with ThreadPoolExecutor(max_workers=parallel) as pool:
        tokens = [t for t in pool.map(fetch, users) if t]
    if len(tokens) < 0.9 * len(users):
        sys.exit(f"tokens.py: only {len(tokens)} of {len(users)} tokens")
    with open(out_file, "w", encoding="utf-8") as f:
        f.write("\n".join(tokens) + "\n")
    print(f"{len(tokens)} tokens")


if __name__ == "__main__":
    main()
