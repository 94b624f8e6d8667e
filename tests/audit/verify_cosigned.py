#!/usr/bin/python3
"""Independent verifier of a cosigned Meldkluis audit checkpoint (docs/formats/witness.md).

Written from the format documents (witness.md, checkpoint.md) alone, with the Python standard
library and PyNaCl (Debian's python3-nacl). It checks that NOTE

  - is a C2SP signed note whose body is a checkpoint (origin, size, base64 root);
  - carries a valid Ed25519 signature (type 0x01) of the log's verifier key (--log-key FILE, e.g.
    log-key.txt of an audit export), key id SHA-256(name || 0A || 01 || key)[:4];
  - carries a valid cosignature/v1 (type 0x04) of every --witness-key FILE: key id
    SHA-256(name || 0A || 04 || key)[:4], signature = 8-byte big-endian time || Ed25519 over
    "cosignature/v1\\ntime <time>\\n" || body;

That the checkpoint's root is the log's is verify_export.py's part: give it the cosigned note as
a --checkpoint of an export (other signature lines are ignored there).

    verify_cosigned.py NOTE --log-key FILE --witness-key FILE [--witness-key FILE]...

Prints one line per failed check, then "N passed, M failed"; exits 1 when anything failed (2 for
a usage error).
"""

import base64
import hashlib
import os
import re
import sys

try:
    import nacl.exceptions
    import nacl.signing
except ImportError:
    if os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3") and os.path.exists(
        "/usr/bin/python3"
    ):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    sys.exit("verify_cosigned.py: PyNaCl is missing (Debian package python3-nacl)")

EM_DASH = "\u2014"
DECIMAL_RE = re.compile(r"^(0|[1-9][0-9]*)$")


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL: " + what)
        return ok


def canonical_b64decode(text):
    try:
        raw = base64.b64decode(text, validate=True)
    except (ValueError, TypeError):
        return None
    return raw if base64.b64encode(raw).decode("ascii") == text else None


def key_id(name, type_byte, public_key):
    return hashlib.sha256(name.encode("utf-8") + b"\n" + bytes([type_byte]) + public_key).digest()[:4]


def parse_verifier_key(text, type_byte):
    """(name, key id bytes, public key) of "name+hex+base64(type || key)", or None."""
    parts = text.strip().split("+", 2)
    if len(parts) != 3 or not parts[0] or not re.match(r"^[0-9a-f]{8}$", parts[1]):
        return None
    typed = canonical_b64decode(parts[2])
    if typed is None or len(typed) != 33 or typed[0] != type_byte:
        return None
    name, kid, key = parts[0], bytes.fromhex(parts[1]), typed[1:]
    if key_id(name, type_byte, key) != kid:
        return None
    return name, kid, key


def parse_note(text):
    """(body, [(name, blob)]) of a signed note, or None."""
    split = text.rfind("\n\n")
    if split < 0 or not text.endswith("\n"):
        return None
    body, lines = text[: split + 1], text[split + 2 :]
    signatures = []
    for line in lines[:-1].split("\n"):
        if not line.startswith(EM_DASH + " "):
            return None
        name, _, encoded = line[2:].partition(" ")
        blob = canonical_b64decode(encoded)
        if not name or blob is None or len(blob) < 5:
            return None
        signatures.append((name, blob))
    return body, signatures


def parse_checkpoint(body):
    lines = body.split("\n")
    if len(lines) < 4 or lines[-1] != "" or not DECIMAL_RE.match(lines[1]):
        return None
    root = canonical_b64decode(lines[2])
    if root is None or len(root) != 32:
        return None
    return lines[0], int(lines[1]), root


def ed25519_ok(public_key, message, signature):
    try:
        nacl.signing.VerifyKey(public_key).verify(message, signature)
        return True
    except (nacl.exceptions.BadSignatureError, ValueError):
        return False


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def check_note(checks, path, log_key, witness_keys):
    note = parse_note(read(path))
    if not checks.check(note is not None, path + ": is a signed note"):
        return None
    body, signatures = note
    cp = parse_checkpoint(body)
    if not checks.check(cp is not None, path + ": the body is a checkpoint"):
        return None
    name, kid, key = log_key
    checks.check(cp[0] == name, path + ": the origin is the log key's name")
    log_sigs = [b for n, b in signatures if n == name and b[:4] == kid]
    checks.check(
        log_sigs and all(len(b) == 68 and ed25519_ok(key, body.encode("utf-8"), b[4:]) for b in log_sigs),
        path + ": the log's signature verifies",
    )
    for wname, wkid, wkey in witness_keys:
        cosigs = [b for n, b in signatures if n == wname and b[:4] == wkid]
        ok = bool(cosigs)
        for b in cosigs:
            if len(b) != 4 + 8 + 64:
                ok = False
                continue
            t = int.from_bytes(b[4:12], "big")
            message = ("cosignature/v1\ntime %d\n" % t).encode("ascii") + body.encode("utf-8")
            ok = ok and t < 2**63 and ed25519_ok(wkey, message, b[12:])
        checks.check(ok, path + ": the cosignature of witness " + wname + " verifies")
    return cp


def main(argv):
    args = {"--witness-key": []}
    note_path = None
    i = 1
    while i < len(argv):
        a = argv[i]
        if a in ("--log-key", "--witness-key") and i + 1 < len(argv):
            if a == "--witness-key":
                args[a].append(argv[i + 1])
            else:
                args[a] = argv[i + 1]
            i += 2
        elif note_path is None and not a.startswith("--"):
            note_path = a
            i += 1
        else:
            note_path = None
            break
    if note_path is None or "--log-key" not in args or not args["--witness-key"]:
        print(__doc__.split("\n\n")[2], file=sys.stderr)
        return 2
    checks = Checks()
    log_key = parse_verifier_key(read(args["--log-key"]), 0x01)
    witness_keys = [parse_verifier_key(read(p), 0x04) for p in args["--witness-key"]]
    if checks.check(log_key is not None, "the log key is a valid Ed25519 verifier key") and checks.check(
        all(w is not None for w in witness_keys), "every witness key is a valid cosignature/v1 key"
    ):
        check_note(checks, note_path, log_key, witness_keys)
    print("%d passed, %d failed" % (checks.passed, checks.failed))
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
