#!/usr/bin/python3
"""Independent verifier of a Meldkluis audit-log export (docs/formats/audit-log.md).

Written from the format documents (audit-log.md, checkpoint.md) alone, with the Python standard
library and PyNaCl (Debian's python3-nacl). It checks:

  - log-key.txt: the verifier key "name+keyid+base64(01 || public key)", its key id
    SHA-256(name || 0A || 01 || public key)[:4];
  - entries.jsonl: every line is an entry in its one canonical JSON form, with seq = line number;
  - checkpoints/<size>.txt: each is a signed note whose Ed25519 signature by the log key verifies,
    whose origin is the key's name, whose size is the file's, and whose root is the RFC 6962 root
    of the first <size> lines;
  - every --checkpoint FILE (a checkpoint kept outside the vault) the same way: a larger size
    than the export holds means a rollback or a cut, another root a rewritten history;
  - witness-keys.txt (when present): one cosignature/v1 verifier key a line,
    "name+keyid+base64(04 || public key)", key id SHA-256(name || 0A || 04 || public key)[:4];
  - cosigned/<size>.txt (when present): each is a checkpoint as above (the log key's signature,
    size, root), and for every --witness-key KEY (the verifier key a witness handed out, or a file
    holding it; never taken from the export) every cosignature line of that key is 72 bytes,
    8-byte big-endian time || Ed25519 over "cosignature/v1\ntime <time>\n" || body, with a time
    below 2^63 (docs/formats/witness.md). It reports how far each witness vouches for the log,
    "witnessed up to entry N by NAME", and fails when witness-keys.txt records another key
    under a given witness's name.

    verify_export.py DIR [--checkpoint FILE]... [--witness-key KEY]...

Prints one line per failed check, then "N passed, M failed"; exits 1 when anything failed (2 for
a usage error).
"""

import base64
import hashlib
import json
import os
import re
import sys
import time

try:
    import nacl.exceptions
    import nacl.signing
except ImportError:
    # PyNaCl is importable only by Debian's own python3, not by a separately installed one that
    # may come first on PATH.
    if os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3") and os.path.exists(
        "/usr/bin/python3"
    ):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    sys.exit("verify_export.py: PyNaCl is missing (Debian package python3-nacl)")


MEMBERS = ["seq", "time", "actor", "role", "action", "object", "result", "origin", "reason", "detail"]
MAX_NOTE_SIZE = 1 << 20
MAX_SIGNATURES = 100
EM_DASH = "\u2014"
TIME_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")
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


# --- Encodings -------------------------------------------------------------------------------------


def canonical_b64decode(text):
    """The bytes of canonical padded standard base64, or None."""
    try:
        raw = base64.b64decode(text, validate=True)
    except (ValueError, TypeError):
        return None
    return raw if base64.b64encode(raw).decode("ascii") == text else None


def decimal(text):
    """A canonical unsigned decimal below 2^64, or None."""
    if not DECIMAL_RE.match(text):
        return None
    value = int(text)
    return value if value < (1 << 64) else None


def canonical_string(s):
    out = ['"']
    short = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    for ch in s:
        if ch in short:
            out.append(short[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def canonical_entry(members):
    """The canonical bytes of an entry given as (name, value) pairs in order."""
    parts = []
    for name, value in members:
        text = str(value) if name == "seq" else canonical_string(value)
        parts.append('"%s":%s' % (name, text))
    return ("{" + ",".join(parts) + "}").encode("utf-8")


# --- RFC 6962 ---------------------------------------------------------------------------------------


def sha256(data):
    return hashlib.sha256(data).digest()


def leaf_hash(leaf):
    return sha256(b"\x00" + leaf)


def node_hash(left, right):
    return sha256(b"\x01" + left + right)


class Frontier:
    """The roots of the perfect subtrees of a growing tree, largest first (RFC 6962 compact range)."""

    def __init__(self):
        self.size = 0
        self.hashes = []

    def append(self, h):
        size = self.size
        while size & 1:
            h = node_hash(self.hashes.pop(), h)
            size >>= 1
        self.hashes.append(h)
        self.size += 1

    def root(self):
        if not self.hashes:
            return sha256(b"")
        r = self.hashes[-1]
        for h in reversed(self.hashes[:-1]):
            r = node_hash(h, r)
        return r


def merkle_root(hashes):
    """The RFC 6962 root by its definition (for the self-test)."""
    n = len(hashes)
    if n == 0:
        return sha256(b"")
    if n == 1:
        return hashes[0]
    k = 1
    while k * 2 < n:
        k *= 2
    return node_hash(merkle_root(hashes[:k]), merkle_root(hashes[k:]))


# --- Keys and signed notes ----------------------------------------------------------------------------


def valid_key_name(name):
    if not name or "+" in name:
        return False
    for ch in name:
        if ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F or ch in "\u0085\u00a0\u1680\u202f\u205f\u3000":
            return False
        if "\u2000" <= ch <= "\u200a" or ch in "\u2028\u2029":
            return False
    return True


def key_id(name, public_key):
    return sha256(name.encode("utf-8") + b"\x0a\x01" + public_key)[:4]


def parse_verifier_key(text):
    """(name, key id bytes, public key) or an error string."""
    parts = text.split("+", 2)  # the base64 key may itself contain "+"
    if len(parts) != 3:
        return "not name+keyid+key"
    name, hex_id, b64 = parts
    if not valid_key_name(name):
        return "invalid key name"
    if not re.match(r"^[0-9a-f]{8}$", hex_id):
        return "key id is not 8 lowercase hex digits"
    raw = canonical_b64decode(b64)
    if raw is None or len(raw) != 33 or raw[0] != 0x01:
        return "key is not canonical base64 of 01 || 32-byte Ed25519 key"
    public_key = raw[1:]
    if key_id(name, public_key).hex() != hex_id:
        return "key id does not match the name and key"
    return name, bytes.fromhex(hex_id), public_key


def cosigner_key_id(name, public_key):
    return sha256(name.encode("utf-8") + b"\x0a\x04" + public_key)[:4]


def parse_cosigner_key(text):
    """(name, key id bytes, public key) of a cosignature/v1 verifier key, or an error string."""
    parts = text.split("+", 2)
    if len(parts) != 3:
        return "not name+keyid+key"
    name, hex_id, b64 = parts
    if not valid_key_name(name):
        return "invalid key name"
    if not re.match(r"^[0-9a-f]{8}$", hex_id):
        return "key id is not 8 lowercase hex digits"
    raw = canonical_b64decode(b64)
    if raw is None or len(raw) != 33 or raw[0] != 0x04:
        return "key is not canonical base64 of 04 || 32-byte Ed25519 key"
    public_key = raw[1:]
    if cosigner_key_id(name, public_key).hex() != hex_id:
        return "key id does not match the name and key"
    return name, bytes.fromhex(hex_id), public_key


def cosignature_time(raw, witness):
    """The latest time of `witness`'s cosignatures on the note `raw`, None when it carries none,
    or an error string when one of them is bad (C2SP tlog-cosignature/v1)."""
    name, kid, public_key = witness
    text = raw.decode("utf-8")
    split = text.rfind("\n\n")
    body, lines = text[: split + 1], text[split + 2 : -1].split("\n")
    latest = None
    for line in lines:
        m = re.match(r"^" + EM_DASH + r" (\S+) (\S+)$", line)
        blob = canonical_b64decode(m.group(2)) if m else None
        if not m or blob is None or m.group(1) != name or blob[:4] != kid:
            continue
        if len(blob) != 4 + 8 + 64:
            return "a cosignature of witness %s is not 72 bytes" % name
        t = int.from_bytes(blob[4:12], "big")
        message = ("cosignature/v1\ntime %d\n" % t).encode("ascii") + body.encode("utf-8")
        try:
            if t >= 1 << 63:
                raise ValueError("time")
            nacl.signing.VerifyKey(public_key).verify(message, blob[12:])
        except (nacl.exceptions.BadSignatureError, ValueError):
            return "the cosignature of witness %s does not verify" % name
        latest = t if latest is None else max(latest, t)
    return latest


def read_key_argument(text):
    """A --witness-key: the key itself, or a file holding it on one line."""
    if os.path.isfile(text):
        data = read(text)
        return data.decode("utf-8", "replace").strip() if data is not None else ""
    return text


def open_checkpoint(raw, key):
    """(origin, size, root) of a checkpoint note signed by `key`, or an error string."""
    name, kid, public_key = key
    if len(raw) > MAX_NOTE_SIZE:
        return "note larger than 1 MiB"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "note is not UTF-8"
    if any(ord(c) < 0x20 and c != "\n" or ord(c) == 0x7F for c in text):
        return "note holds a control character"
    split = text.rfind("\n\n")
    if split < 0:
        return "note has no blank line before its signatures"
    body, sig_text = text[: split + 1], text[split + 2 :]
    if not sig_text.endswith("\n"):
        return "note does not end in a newline"
    lines = sig_text[:-1].split("\n")
    if not 1 <= len(lines) <= MAX_SIGNATURES:
        return "note has no or too many signature lines"
    verifier = nacl.signing.VerifyKey(public_key)
    ours = 0
    for line in lines:
        m = re.match(r"^" + EM_DASH + r" (\S+) (\S+)$", line)
        if not m or not valid_key_name(m.group(1)):
            return "malformed signature line"
        blob = canonical_b64decode(m.group(2))
        if blob is None or len(blob) < 5:
            return "malformed signature"
        if m.group(1) != name or blob[:4] != kid:
            continue  # another key's signature (a witness, say): not ours to check
        ours += 1
        try:
            verifier.verify(body.encode("utf-8"), blob[4:])
        except (nacl.exceptions.BadSignatureError, ValueError):
            return "the log key's signature does not verify"
    if ours == 0:
        return "no signature by the log key"
    body_lines = body[:-1].split("\n")
    if len(body_lines) != 3:
        return "checkpoint body is not exactly origin, size and root"
    origin, size_text, root_text = body_lines
    if origin != name:
        return "checkpoint origin is not the log key's name"
    size = decimal(size_text)
    if size is None:
        return "checkpoint size is not canonical decimal"
    root = canonical_b64decode(root_text)
    if root is None or len(root) != 32:
        return "checkpoint root is not canonical base64 of 32 bytes"
    return origin, size, root


# --- The export -----------------------------------------------------------------------------------


def check_entry(checks, i, line):
    """Checks line i of entries.jsonl; returns nothing (the leaf is the raw line either way)."""
    where = "entries.jsonl line %d (seq %d)" % (i + 1, i)
    try:
        text = line.decode("utf-8")
        members = json.loads(text, object_pairs_hook=lambda pairs: pairs)
    except (UnicodeDecodeError, ValueError) as e:
        checks.check(False, "%s: not JSON (%s)" % (where, e.__class__.__name__))
        return
    if not isinstance(members, list) or [k for k, _ in members] != MEMBERS:
        checks.check(False, "%s: not an object with the ten members in order" % where)
        return
    values = dict(members)
    seq = values["seq"]
    if not (isinstance(seq, int) and not isinstance(seq, bool)) or not all(
        isinstance(values[k], str) for k in MEMBERS[1:]
    ):
        checks.check(False, "%s: wrong member types" % where)
        return
    ok = checks.check(seq == i, "%s: its seq is %s" % (where, seq))
    ok = ok and checks.check(TIME_RE.match(values["time"]) is not None, "%s: bad time" % where)
    if ok:
        checks.check(canonical_entry(members) == line, "%s: not in canonical form" % where)


def check_witness_keys(checks, directory, witnesses):
    """witness-keys.txt, when present: every line a cosigner key; a given witness's name must not
    be recorded with another key."""
    data = read(os.path.join(directory, "witness-keys.txt"))
    if data is None:
        return
    if not checks.check(data == b"" or data.endswith(b"\n"), "witness-keys.txt: does not end in \\n"):
        return
    recorded = []
    for i, line in enumerate(data.split(b"\n")[:-1] if data else []):
        key = parse_cosigner_key(line.decode("utf-8", "replace"))
        if checks.check(isinstance(key, tuple), "witness-keys.txt line %d: %s" % (i + 1, key)):
            recorded.append(key)
    for name, kid, public_key in witnesses:
        for r_name, r_kid, r_key in recorded:
            checks.check(
                r_name != name or (r_kid, r_key) == (kid, public_key),
                "witness-keys.txt: the vault records witness %s with another key than the one given"
                % name,
            )


def report_witnesses(checks, cosigned, witnesses):
    """Checks every given witness's cosignatures on the cosigned notes that passed as checkpoints
    (cosigned: [(what, raw, size)]) and prints how far each vouches for the log."""
    for witness in witnesses:
        name = witness[0]
        best = None  # (size, time)
        for what, raw, size in cosigned:
            t = cosignature_time(raw, witness)
            if not checks.check(not isinstance(t, str), "%s: %s" % (what, t)) or t is None:
                continue
            if best is None or size > best[0]:
                best = (size, t)
        if best is None or best[0] == 0:
            print("not witnessed by %s" % name)
        else:
            try:
                when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(best[1]))
            except (OverflowError, OSError, ValueError):
                when = "at POSIX time %d" % best[1]
            print(
                "witnessed up to entry %d by %s (a checkpoint of %d entries, cosigned %s)"
                % (best[0] - 1, name, best[0], when)
            )


def verify(directory, kept_files, witness_texts=()):
    checks = Checks()
    witnesses = []
    for text in witness_texts:
        key = parse_cosigner_key(read_key_argument(text))
        if checks.check(isinstance(key, tuple), "--witness-key %s: %s" % (text, key)):
            witnesses.append(key)
    check_witness_keys(checks, directory, witnesses)
    key_text = read(os.path.join(directory, "log-key.txt"))
    key = None
    if checks.check(key_text is not None, "log-key.txt: missing"):
        ok = key_text.endswith(b"\n") and key_text.count(b"\n") == 1
        key = parse_verifier_key(key_text[:-1].decode("utf-8", "replace")) if ok else "not one line"
        if not checks.check(isinstance(key, tuple), "log-key.txt: %s" % (key,)):
            key = None

    data = read(os.path.join(directory, "entries.jsonl"))
    lines = []
    if checks.check(data is not None, "entries.jsonl: missing"):
        if checks.check(data == b"" or data.endswith(b"\n"), "entries.jsonl: does not end in \\n"):
            lines = data.split(b"\n")[:-1] if data else []
    for i, line in enumerate(lines):
        check_entry(checks, i, line)

    # The roots every checkpoint size needs, in one pass over the leaves.
    notes = []  # (what, raw note, expected size or None)
    cp_dir = os.path.join(directory, "checkpoints")
    if checks.check(os.path.isdir(cp_dir), "checkpoints/: missing"):
        for name in sorted(os.listdir(cp_dir)):
            m = re.match(r"^(0|[1-9][0-9]*)\.txt$", name)
            if checks.check(m is not None, "checkpoints/%s: not <size>.txt" % name):
                notes.append(("checkpoints/" + name, read(os.path.join(cp_dir, name)), int(m.group(1))))
    cosigned_dir = os.path.join(directory, "cosigned")
    cosigned_names = set()
    if os.path.isdir(cosigned_dir):
        for name in sorted(os.listdir(cosigned_dir)):
            m = re.match(r"^(0|[1-9][0-9]*)\.txt$", name)
            if checks.check(m is not None, "cosigned/%s: not <size>.txt" % name):
                cosigned_names.add("cosigned/" + name)
                notes.append(("cosigned/" + name, read(os.path.join(cosigned_dir, name)), int(m.group(1))))
    for path in kept_files:
        notes.append(("kept checkpoint " + os.path.basename(path), read(path), None))

    opened = []  # (what, size, root, is_kept)
    cosigned = []  # (what, raw, size) of the cosigned notes that are checkpoints of this log
    for what, raw, expected_size in notes:
        if not checks.check(raw is not None, "%s: unreadable" % what) or key is None:
            continue
        cp = open_checkpoint(raw, key)
        if not checks.check(isinstance(cp, tuple), "%s: %s" % (what, cp)):
            continue
        _, size, root = cp
        if expected_size is not None and not checks.check(
            size == expected_size, "%s: its size line says %d" % (what, size)
        ):
            continue
        opened.append((what, size, root, expected_size is None))
        if what in cosigned_names:
            cosigned.append((what, raw, size))

    wanted = {}
    for what, size, root, kept in opened:
        if size > len(lines):
            checks.check(
                False,
                "%s: covers %d entries but the export holds %d: %s"
                % (what, size, len(lines), "rolled back or cut" if kept else "entries were cut"),
            )
        else:
            wanted.setdefault(size, []).append((what, root))
    frontier = Frontier()
    rooted = set()  # the notes whose root is that of the export's entries
    for i in range(len(lines) + 1):
        for what, root in wanted.get(i, []):
            if checks.check(
                frontier.root() == root,
                "%s: the root of the first %d entries differs: an entry was changed" % (what, i),
            ):
                rooted.add(what)
        if i < len(lines):
            frontier.append(leaf_hash(lines[i]))
    report_witnesses(checks, [c for c in cosigned if c[0] in rooted], witnesses)

    checkpoint_sizes = [
        size for what, size, _, kept in opened if not kept and what not in cosigned_names
    ]
    latest = max(checkpoint_sizes) if checkpoint_sizes else 0
    print(
        "%d entries, %d checkpoints (latest %d), %d kept checkpoints, %d cosigned checkpoints"
        % (len(lines), len(checkpoint_sizes), latest, len(kept_files), len(cosigned_names))
    )
    if latest < len(lines):
        print("note: entries %d to %d are not covered by a checkpoint" % (latest, len(lines) - 1))
    return checks


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def self_test():
    """The RFC 6962 test vectors of REFERENCE.md, for the tree code above."""
    leaves = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
              "606162636465666768696a6b6c6d6e6f"]
    roots = {
        0: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        3: "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        5: "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        8: "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    }
    hashes = [leaf_hash(bytes.fromhex(x)) for x in leaves]
    frontier = Frontier()
    for n in range(len(hashes) + 1):
        if n in roots:
            assert frontier.root().hex() == roots[n] == merkle_root(hashes[:n]).hex(), n
        if n < len(hashes):
            frontier.append(hashes[n])
    assert canonical_string('a"\\\b\f\n\r\t\x01\x7f\u00e9/') == '"a\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u007f\u00e9/"'


def main(argv):
    directory, kept, witnesses = None, [], []
    i = 0
    while i < len(argv):
        if argv[i] == "--checkpoint" and i + 1 < len(argv):
            kept.append(argv[i + 1])
            i += 2
        elif argv[i] == "--witness-key" and i + 1 < len(argv):
            witnesses.append(argv[i + 1])
            i += 2
        elif directory is None and not argv[i].startswith("--"):
            directory = argv[i]
            i += 1
        else:
            directory = None
            break
    if directory is None:
        sys.stderr.write(
            "usage: verify_export.py DIR [--checkpoint FILE]... [--witness-key KEY]...\n"
        )
        return 2
    self_test()
    checks = verify(directory, kept, witnesses)
    print("%d passed, %d failed" % (checks.passed, checks.failed))
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
