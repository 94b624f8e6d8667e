#!/usr/bin/python3
"""Independent check of Meldkluis's format test vectors (tests/data/vectors/*.json).

Re-implements, from docs/formats/*.md and nothing else, what an independent reader of a vault
needs: the key-slot file (grammar, sum, Argon2id, slot associated data, key bundle, MAC), the key
hierarchy (libsodium crypto_kdf, written out with hashlib's BLAKE2b), the recovery key text,
wrapped subject keys and field values (XChaCha20-Poly1305), the person blind indexes, per-partner
pseudonyms and the package-signing key and its minisign key id. Uses
Debian's python3 with PyNaCl (python3-nacl) and the standard library only.

    check_vectors.py [VECTORS_DIR]

Prints one line per failed check and "N passed, M failed"; exits 1 when anything failed.
"""

import base64
import hashlib
import hmac
import json
import os
import re
import struct
import sys
import unicodedata

try:
    import nacl.bindings
    import nacl.exceptions
    import nacl.pwhash
except ImportError:
    # PyNaCl is importable only by Debian's own python3, not by a separately installed one that
    # may come first on PATH.
    if os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3") and os.path.exists(
        "/usr/bin/python3"
    ):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    sys.exit("check_vectors.py: PyNaCl is missing (Debian package python3-nacl)")


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

    def equal(self, got, want, what):
        return self.check(got == want, "%s: got %r, want %r" % (what, got, want))


checks = Checks()


# --- Primitives -----------------------------------------------------------------------------------


def kdf(key, context, subkey_id, size=32):
    """libsodium crypto_kdf_derive_from_key (1.0.18): keyed BLAKE2b with the id as salt."""
    assert len(context) == 8
    return hashlib.blake2b(
        b"",
        key=key,
        salt=struct.pack("<Q", subkey_id) + bytes(8),
        person=context.encode("ascii") + bytes(8),
        digest_size=size,
    ).digest()


class AssociatedData:
    """Each item: 4-byte little-endian length, then its bytes. Integers: 8 bytes little-endian."""

    def __init__(self):
        self.encoded = b""

    def add(self, item):
        if isinstance(item, str):
            item = item.encode("utf-8")
        self.encoded += struct.pack("<I", len(item)) + item
        return self

    def add_u64(self, value):
        return self.add(struct.pack("<Q", value))


def aead_open(key, sealed, ad):
    """nonce (24) || ciphertext || tag (16), XChaCha20-Poly1305-IETF. None when it does not open."""
    if len(sealed) < 40:
        return None
    try:
        return nacl.bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(
            sealed[24:], ad, sealed[:24], key
        )
    except nacl.exceptions.CryptoError:
        return None


def b64decode_canonical(text):
    """Standard alphabet, padded, canonical (re-encoding gives the same text)."""
    if not re.fullmatch(r"[A-Za-z0-9+/]*={0,2}", text) or len(text) % 4:
        return None
    try:
        raw = base64.b64decode(text, validate=True)
    except ValueError:
        return None
    return raw if base64.b64encode(raw).decode() == text else None


# --- Key-slot file --------------------------------------------------------------------------------

KEY_NAMES = [
    "root", "database", "slot_file", "audit_seed", "field_wrap", "blind_index", "pseudonym"
]
COMPLIANCE_KEYS = {"database", "slot_file", "audit_seed"}
DECIMAL = r"(0|[1-9][0-9]*)"
SLOT_NAME = r"[a-z0-9][a-z0-9._-]{0,31}"
SLOT_LINE = re.compile(
    r"slot (%s) (coordinator|compliance|recovery) argon2id13 %s %s (\S+) (\S+)"
    % (SLOT_NAME, DECIMAL, DECIMAL)
)


class Corrupt(Exception):
    pass


def parse_keyslots(text):
    """Returns (vault_id, slots, body, mac), raising Corrupt; checks the sum first."""
    raw = text.encode("utf-8")
    if len(raw) > 64 * 1024 or not text.endswith("\n"):
        raise Corrupt("size or final newline")
    lines = text[:-1].split("\n")
    if len(lines) < 5:
        raise Corrupt("too few lines")
    m = re.fullmatch(r"sum ([0-9a-f]{64})", lines[-1])
    if not m:
        raise Corrupt("sum line")
    covered = text[: len(text) - len(lines[-1]) - 1]
    if hashlib.sha256(covered.encode("utf-8")).hexdigest() != m.group(1):
        raise Corrupt("sum")
    if lines[0] != "meldkluis-keyslots/1":
        raise Corrupt("magic")
    m = re.fullmatch(r"vault ([0-9a-f]{32})", lines[1])
    if not m:
        raise Corrupt("vault line")
    vault_id = bytes.fromhex(m.group(1))
    slots = []
    for line in lines[2:-2]:
        m = SLOT_LINE.fullmatch(line)
        if not m:
            raise Corrupt("slot line")
        name, role, ops, mem, salt_b64, wrapped_b64 = m.groups()
        ops, mem = int(ops), int(mem)
        if not (1 <= ops <= 64 and 8192 <= mem <= 4096 * 1024 * 1024):
            raise Corrupt("kdf parameters")
        salt, wrapped = b64decode_canonical(salt_b64), b64decode_canonical(wrapped_b64)
        if salt is None or len(salt) != 16 or wrapped is None or not 40 < len(wrapped) <= 1024:
            raise Corrupt("salt or wrapped")
        if any(s["name"] == name for s in slots):
            raise Corrupt("duplicate name")
        slots.append(
            dict(name=name, role=role, opslimit=ops, memlimit=mem, salt=salt, wrapped=wrapped)
        )
    if not 1 <= len(slots) <= 32:
        raise Corrupt("slot count")
    m = re.fullmatch(r"mac (\S+)", lines[-2])
    mac = b64decode_canonical(m.group(1)) if m else None
    if mac is None or len(mac) != 32:
        raise Corrupt("mac line")
    body = text[: len(covered) - len(lines[-2]) - 1]
    return vault_id, slots, body, mac


def slot_ad(vault_id, slot):
    return (
        AssociatedData()
        .add("meldkluis-keyslots/1")
        .add(vault_id)
        .add(slot["name"])
        .add(slot["role"])
        .add("argon2id13")
        .add_u64(slot["opslimit"])
        .add_u64(slot["memlimit"])
        .add(slot["salt"])
        .encoded
    )


RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def base32_bits(data, chars):
    bits = "".join("{:08b}".format(b) for b in data).ljust(chars * 5, "0")
    return "".join(RECOVERY_ALPHABET[int(bits[5 * i : 5 * i + 5], 2)] for i in range(chars))


def canonical_recovery_key(typed):
    out = ""
    for c in typed:
        if c in "- \n\r\t":
            continue
        c = {"O": "0", "I": "1", "L": "1"}.get(c.upper(), c.upper()) if c.isascii() else c
        if c not in RECOVERY_ALPHABET or len(out) == 56:
            return None
        out += c
    if len(out) != 56:
        return None
    if base32_bits(hashlib.sha256(out[:52].encode()).digest(), 4) != out[52:]:
        return None
    return out


def slot_secret(role, typed):
    if role == "recovery":
        canonical = canonical_recovery_key(typed)
        return None if canonical is None else canonical.encode("ascii")
    return typed.encode("utf-8")


def parse_bundle(bundle):
    """{name: key} of a key bundle; a root-only bundle is expanded to the full ring."""
    if len(bundle) < 2 or bundle[0] != 1:
        return None
    count = bundle[1]
    if not 1 <= count <= 7 or len(bundle) != 2 + 33 * count:
        return None
    keys = {}
    for i in range(count):
        entry = bundle[2 + 33 * i : 2 + 33 * (i + 1)]
        if entry[0] >= 7 or KEY_NAMES[entry[0]] in keys:
            return None
        keys[KEY_NAMES[entry[0]]] = entry[1:]
    if "root" in keys:
        if count != 1:
            return None
        root = keys["root"]
        keys.update({KEY_NAMES[i]: kdf(root, "MKvault1", i) for i in range(1, 7)})
    return keys


def open_vault(text, typed):
    """As Vault::open, minus the database: returns (slot, keys) or an outcome string."""
    try:
        vault_id, slots, body, mac = parse_keyslots(text)
    except Corrupt as e:
        return "vault_corrupt", "sum" if str(e).startswith("sum") else "parse"
    for slot in slots:
        secret = slot_secret(slot["role"], typed)
        if secret is None:
            continue
        kek = nacl.pwhash.argon2id.kdf(
            32, secret, slot["salt"], opslimit=slot["opslimit"], memlimit=slot["memlimit"]
        )
        bundle = aead_open(kek, slot["wrapped"], slot_ad(vault_id, slot))
        if bundle is None:
            continue
        keys = parse_bundle(bundle)
        holds_root = slot["role"] != "compliance"
        if keys is None or ("root" in keys) != holds_root or "slot_file" not in keys:
            return "vault_corrupt", "bundle"
        expected_mac = hmac.new(keys["slot_file"], body.encode(), "sha256").digest()
        if not hmac.compare_digest(expected_mac, mac):
            return "vault_corrupt", "mac"
        return slot, keys
    return "wrong_passphrase", "unwrap"


def check_keyslots(v, recovery):
    root = bytes.fromhex(v["root_key"])
    checks.equal(v["kdf_context"], "MKvault1", "keyslots: kdf context")
    for d in v["derived_keys"]:
        checks.equal(KEY_NAMES[d["id"]], d["name"], "keyslots: name of key id %d" % d["id"])
        checks.equal(kdf(root, "MKvault1", d["id"]).hex(), d["key"], "keyslots: " + d["name"])
    derived = {d["name"]: bytes.fromhex(d["key"]) for d in v["derived_keys"]}

    text = v["file"]
    try:
        vault_id, slots, body, mac = parse_keyslots(text)
    except Corrupt as e:
        checks.check(False, "keyslots: the vector file does not parse: %s" % e)
        return
    checks.equal(vault_id.hex(), v["vault_id"], "keyslots: vault id")
    checks.equal(mac.hex(), v["mac"], "keyslots: mac line")
    body_mac = hmac.new(derived["slot_file"], body.encode(), "sha256").hexdigest()
    checks.equal(body_mac, v["mac"], "keyslots: mac")
    checks.equal(text.rsplit("\n", 2)[1], "sum " + v["sum"], "keyslots: sum line")

    for parsed, want in zip(slots, v["slots"]):
        what = "keyslots: slot %s" % want["name"]
        checks.equal(parsed["name"], want["name"], what + " name")
        checks.equal(parsed["role"], want["role"], what + " role")
        checks.equal(parsed["opslimit"], want["opslimit"], what + " opslimit")
        checks.equal(parsed["memlimit"], want["memlimit"], what + " memlimit")
        checks.equal(parsed["salt"].hex(), want["salt"], what + " salt")
        checks.equal(parsed["wrapped"].hex(), want["wrapped"], what + " wrapped")
        secret = slot_secret(parsed["role"], want["secret"])
        checks.equal(secret, want["kdf_input"].encode("utf-8"), what + " kdf input")
        kek = nacl.pwhash.argon2id.kdf(
            32, secret, parsed["salt"], opslimit=parsed["opslimit"], memlimit=parsed["memlimit"]
        )
        checks.equal(kek.hex(), want["kek"], what + " kek")
        ad = slot_ad(vault_id, parsed)
        checks.equal(ad.hex(), want["associated_data"], what + " associated data")
        bundle = aead_open(kek, parsed["wrapped"], ad)
        if not checks.check(bundle is not None, what + ": does not unwrap"):
            continue
        checks.equal(bundle.hex(), want["bundle"], what + " bundle")
        keys = parse_bundle(bundle)
        if parsed["role"] == "compliance":
            checks.equal(set(keys), COMPLIANCE_KEYS, what + " holds exactly the compliance keys")
        else:
            checks.equal(keys.get("root"), root, what + " holds the root key")
        for name, key in keys.items():
            if name != "root":
                checks.equal(key, derived[name], what + " key " + name)

    # Every slot opens with its secret, and the recovery slot with every accepted typing.
    for want in v["slots"]:
        got = open_vault(text, want["secret"])
        checks.check(
            isinstance(got[0], dict) and got[0]["name"] == want["name"],
            "keyslots: open with the secret of %s gave %r" % (want["name"], got[0]),
        )
    for c in recovery["accepted"]:
        got = open_vault(text, c["input"])
        checks.check(
            isinstance(got[0], dict) and got[0]["role"] == "recovery",
            "keyslots: recovery key typed as %r gave %r" % (c["description"], got[0]),
        )
    for f in v["failures"]:
        got = open_vault(f["file"], f["secret"])
        checks.equal(got, (f["expected"], f["stage"]), "keyslots: failure " + f["name"])
    return derived


def check_recovery(v):
    checks.equal(base32_bits(bytes.fromhex(v["bits"]), 52), v["key_chars"], "recovery: key chars")
    digest = hashlib.sha256(v["key_chars"].encode()).digest()
    checks.equal(digest.hex(), v["checksum_sha256"], "recovery: checksum sha256")
    checks.equal(base32_bits(digest, 4), v["checksum"], "recovery: checksum")
    checks.equal(v["key_chars"] + v["checksum"], v["canonical"], "recovery: canonical")
    c = v["canonical"]
    checks.equal("-".join(c[i : i + 4] for i in range(0, 56, 4)), v["printed"], "recovery: printed")
    for a in v["accepted"]:
        got = canonical_recovery_key(a["input"])
        checks.equal(got, a["canonical"], "recovery: " + a["description"])
    for r in v["rejected"]:
        checks.equal(canonical_recovery_key(r["input"]), None, "recovery: " + r["description"])


# --- Field encryption -----------------------------------------------------------------------------


def subject_key_ad(vault_id, key_id):
    return AssociatedData().add_u64(1).add("subject_keys").add(vault_id).add(key_id).encoded


def field_ad(table, column, record_id, key_id):
    return AssociatedData().add_u64(1).add(table).add(column).add(record_id).add(key_id).encoded


def open_field(key, f, stored):
    if not stored or stored[0] != 1:
        return None
    ad = field_ad(f["table"], f["column"], f["record_id"], f["key_id"])
    return aead_open(key, stored[1:], ad)


def check_field(v, derived):
    field_wrap = derived["field_wrap"]
    checks.equal(field_wrap.hex(), v["field_wrap_key"], "field: field_wrap key")
    vault_id = bytes.fromhex(v["vault_id"])
    keys = {}
    for k in v["subject_keys"]:
        ad = subject_key_ad(vault_id, k["key_id"])
        checks.equal(ad.hex(), k["associated_data"], "field: subject key AD " + k["key_id"])
        wrapped = bytes.fromhex(k["wrapped"])
        checks.equal(wrapped[:24].hex(), k["nonce"], "field: subject key nonce " + k["key_id"])
        key = aead_open(field_wrap, wrapped, ad)
        checks.equal(key and key.hex(), k["key"], "field: unwrap " + k["key_id"])
        keys[k["key_id"]] = key
    for k in v["subject_keys_must_fail"]:
        ad = subject_key_ad(bytes.fromhex(k["vault_id"]), k["key_id"])
        got = aead_open(field_wrap, bytes.fromhex(k["wrapped"]), ad)
        checks.equal(got, None, "field: " + k["description"])
    for f in v["fields"]:
        what = "field: %s.%s of %s" % (f["table"], f["column"], f["record_id"])
        ad = field_ad(f["table"], f["column"], f["record_id"], f["key_id"])
        checks.equal(ad.hex(), f["associated_data"], what + " AD")
        stored = bytes.fromhex(f["stored"])
        checks.equal(stored[1:25].hex(), f["nonce"], what + " nonce")
        checks.equal(len(stored), 1 + 24 + len(f["plaintext"].encode()) + 16, what + " length")
        plain = open_field(keys[f["key_id"]], f, stored)
        checks.equal(plain and plain.decode("utf-8"), f["plaintext"], what)
    for f in v["fields_must_fail"]:
        got = open_field(keys[f["key_id"]], f, bytes.fromhex(f["stored"]))
        checks.equal(got, None, "field: " + f["description"])


# --- Blind indexes --------------------------------------------------------------------------------

FOLD_SPECIAL = {
    "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ĳ": "ij"
}


def fold_simple(name):
    """The fold of base/text_fold.hpp for the letters these vectors use (ASCII, Latin letters
    that decompose to an ASCII letter plus marks, a few specials); None for anything else."""
    out = []
    for ch in unicodedata.normalize("NFD", name):
        if unicodedata.combining(ch):
            continue
        low = ch.lower()
        if low.isascii() and low.isalnum():
            out.append(low)
        elif low in FOLD_SPECIAL:
            out.append(FOLD_SPECIAL[low])
        elif ch.isascii():
            out.append(" ")
        else:
            return None
    return " ".join("".join(out).split())


def normalise(kind, given, case):
    if kind == "name_dob":
        folded = fold_simple(given["name"])
        if checks.check(folded is not None, "blind: no independent fold for %r" % given["name"]):
            checks.equal(folded, case["folded_name"], "blind: fold of %r" % given["name"])
        return " ".join(sorted(case["folded_name"].split(" "))) + "\x1f" + given["date_of_birth"]
    if kind == "bsn":
        digits = given["bsn"].replace(" ", "").replace(".", "")
        digits = "0" + digits if len(digits) == 8 else digits
        weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
        total = sum(w * int(d) for w, d in zip(weights, digits))
        valid = len(digits) == 9 and total % 11 == 0 and total != 0
        checks.check(valid, "blind: 11-proef " + digits)
        return digits
    return "".join(c.upper() for c in given["document_number"] if c.isascii() and c.isalnum())


def truncate(digest, bits):
    out = bytearray(digest[: (bits + 7) // 8])
    if bits % 8:
        out[-1] &= (0xFF << (8 - bits % 8)) & 0xFF
    return bytes(out)


def blind_index(key, normalised, bits):
    """Keyed BLAKE2b with 32 bytes of output, truncated: not BLAKE2b with a shorter output."""
    full = hashlib.blake2b(normalised.encode("utf-8"), key=key, digest_size=32).digest()
    return truncate(full, bits)


def check_blind(v, derived):
    root = derived["blind_index"]
    checks.equal(root.hex(), v["blind_index_key"], "blind: blind_index key")
    checks.equal(v["kdf_context"], "MKblind1", "blind: kdf context")
    ids = {"name_dob": 1, "bsn": 2, "document": 3}
    keys = {}
    for k in v["index_keys"]:
        checks.equal(k["id"], ids[k["kind"]], "blind: id of " + k["kind"])
        keys[k["kind"]] = kdf(root, "MKblind1", k["id"])
        checks.equal(keys[k["kind"]].hex(), k["key"], "blind: key of " + k["kind"])

    plan = v["plan"]
    rows, entropy = plan["planned_rows"], plan["identifier_entropy_bits"]
    # L = min(floor(log2(R / 2)), ceil(input bits)), at least 1.
    bits = max(1, min((rows // 2).bit_length() - 1, entropy))
    checks.equal(plan["bits"], bits, "blind: planned bits")
    coincidences = rows / 2 ** min(bits, entropy)
    checks.equal(plan["expected_coincidences"], coincidences, "blind: coincidences")

    for case in v["cases"]:
        what = "blind: %s %s" % (case["kind"], case["description"])
        normalised = normalise(case["kind"], case["input"], case)
        checks.equal(normalised, case["normalised"], what + " normalised")
        checks.equal(normalised.encode().hex(), case["normalised_hex"], what + " normalised hex")
        key = keys[case["kind"]]
        checks.equal(blind_index(key, normalised, 256).hex(), case["hash"], what + " hash")
        checks.equal(blind_index(key, normalised, bits).hex(), case["digest"], what + " digest")

    t = v["truncation"]
    for d in t["digests"]:
        got = blind_index(keys[t["kind"]], t["normalised"], d["bits"]).hex()
        checks.equal(got, d["digest"], "blind: truncation to %d bits" % d["bits"])


# --- Pseudonyms (docs/formats/pseudonyms.md) ------------------------------------------------------

PSEUDONYM_LABEL = b"meldkluis/pseudonym/v1\x00"
CHECK_SYMBOLS = RECOVERY_ALPHABET + "*~$=U"


def pseudonym_code(value):
    data = "".join(RECOVERY_ALPHABET[(value >> (5 * i)) & 31] for i in range(7, -1, -1))
    return data[:4] + "-" + data[4:] + "-" + CHECK_SYMBOLS[value % 37]


def read_pseudonym(typed):
    """The canonical code, or "shape" or "mistyped"."""
    symbols = []
    for c in typed:
        if c in "- ":
            continue
        c = {"I": "1", "L": "1", "O": "0"}.get(c.upper(), c.upper()) if c.isascii() else c
        alphabet = CHECK_SYMBOLS if len(symbols) == 8 else RECOVERY_ALPHABET
        if len(symbols) == 9 or c not in alphabet:
            return "shape"
        symbols.append(alphabet.index(c))
    if len(symbols) != 9:
        return "shape"
    value = 0
    for s in symbols[:8]:
        value = value * 32 + s
    return pseudonym_code(value) if value % 37 == symbols[8] else "mistyped"


def check_pseudonyms(v, derived):
    root = derived["pseudonym"]
    checks.equal(root.hex(), v["pseudonym_key"], "pseudonyms: pseudonym key")
    checks.equal(v["check_symbols"], CHECK_SYMBOLS, "pseudonyms: check symbols")
    seen = {}
    for p in v["partners"]:
        what = "pseudonyms: partner " + p["partner"]
        label = PSEUDONYM_LABEL + p["partner"].encode("ascii")
        checks.equal(label.hex(), p["partner_key_input_hex"], what + " key input")
        key = hashlib.blake2b(label, key=root, digest_size=32).digest()
        checks.equal(key.hex(), p["partner_key"], what + " key")
        for c in p["codes"]:
            digest = hashlib.blake2b(c["person_id"].encode("ascii"), key=key, digest_size=32).digest()
            checks.equal(digest.hex(), c["hash"], what + " hash of " + c["person_id"])
            value = int.from_bytes(digest[:5], "big")
            checks.equal(value, c["value"], what + " value of " + c["person_id"])
            checks.equal(value % 37, c["check"], what + " check of " + c["person_id"])
            checks.equal(pseudonym_code(value), c["code"], what + " code of " + c["person_id"])
            checks.equal(read_pseudonym(c["code"]), c["code"], what + " reads back " + c["code"])
            seen.setdefault(c["person_id"], set()).add(c["code"])
    for person, codes in seen.items():
        checks.equal(len(codes), len(v["partners"]), "pseudonyms: one code per partner for " + person)
    for c in v["accepted"]:
        checks.equal(read_pseudonym(c["input"]), c["canonical"], "pseudonyms: " + c["description"])
    for c in v["rejected"]:
        checks.equal(read_pseudonym(c["input"]), c["reason"], "pseudonyms: " + c["description"])


# --- Package-signing key (docs/formats/keyslots.md) -----------------------------------------------

KEY_ID_LABEL = b"meldkluis/minisign-key-id/v1\x00"


def check_package_signing(v, root):
    checks.equal(v["root_key"], root.hex(), "signing: root key is keyslots.json's")
    seed = kdf(root, v["kdf_context"], v["id"])
    checks.equal((v["kdf_context"], v["id"]), ("MKvault1", 7), "signing: kdf context and id")
    checks.equal(seed.hex(), v["seed"], "signing: seed")
    public, _ = nacl.bindings.crypto_sign_seed_keypair(seed)
    checks.equal(public.hex(), v["public_key"], "signing: public key")
    checks.equal((KEY_ID_LABEL + public).hex(), v["key_id_input_hex"], "signing: key id input")
    key_id = hashlib.blake2b(KEY_ID_LABEL + public, digest_size=32).digest()[:8]
    checks.equal(key_id.hex(), v["key_id"], "signing: key id")
    checks.equal(key_id[::-1].hex().upper(), v["key_id_shown"], "signing: key id as shown")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "data", "vectors")

    def load(name):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            return json.load(f)

    recovery = load("recovery_key.json")
    check_recovery(recovery)
    keyslots = load("keyslots.json")
    derived = check_keyslots(keyslots, recovery)
    if derived:
        check_field(load("field.json"), derived)
        check_blind(load("blind_index.json"), derived)
        check_pseudonyms(load("pseudonyms.json"), derived)
    check_package_signing(load("package_signing.json"), bytes.fromhex(keyslots["root_key"]))
    print("%d passed, %d failed" % (checks.passed, checks.failed))
    return 1 if checks.failed or not checks.passed else 0


if __name__ == "__main__":
    sys.exit(main())
