#!/usr/bin/python3
"""Regenerates a handful of the C2SP CCTV age test kit vectors (c2sp.org/CCTV/age) byte for byte.

The kit's files are made by small Go programs (age/internal/tests/*.go) on top of a deterministic
generator (age/internal/testkit/testkit.go): its "random" bytes are a ChaCha20 keystream under the
key "TEST RANDOMNESS TEST RANDOMNESS!" and a zero nonce. The files themselves are not in our
reference index in binary form, so this script re-implements that generator (PyNaCl + hashlib,
independent of our C++ code) for the vectors we test against and writes them here in the kit's
format: "key: value" lines, an empty line, then the age file. Their text parts were compared with
the published copies (see README.md).

Run: /usr/bin/python3 tests/data/exchange/cctv/generate.py   (needs python3-nacl)
"""
import hashlib
import hmac
import os
import struct
import base64

import nacl.bindings as nb
import nacl.exceptions

HERE = os.path.dirname(os.path.abspath(__file__))

# --- primitives ------------------------------------------------------------------------------


def chacha20_block(key, counter, nonce):
    def rotl(v, c):
        return ((v << c) & 0xffffffff) | (v >> (32 - c))

    def qr(s, a, b, c, d):
        s[a] = (s[a] + s[b]) & 0xffffffff; s[d] = rotl(s[d] ^ s[a], 16)
        s[c] = (s[c] + s[d]) & 0xffffffff; s[b] = rotl(s[b] ^ s[c], 12)
        s[a] = (s[a] + s[b]) & 0xffffffff; s[d] = rotl(s[d] ^ s[a], 8)
        s[c] = (s[c] + s[d]) & 0xffffffff; s[b] = rotl(s[b] ^ s[c], 7)

    state = list(struct.unpack("<4I", b"expand 32-byte k")) + list(struct.unpack("<8I", key)) + \
        [counter] + list(struct.unpack("<3I", nonce))
    w = state[:]
    for _ in range(10):
        qr(w, 0, 4, 8, 12); qr(w, 1, 5, 9, 13); qr(w, 2, 6, 10, 14); qr(w, 3, 7, 11, 15)
        qr(w, 0, 5, 10, 15); qr(w, 1, 6, 11, 12); qr(w, 2, 7, 8, 13); qr(w, 3, 4, 9, 14)
    return struct.pack("<16I", *[(a + b) & 0xffffffff for a, b in zip(w, state)])


class TestRand:
    """The testkit's deterministic randomness: one ChaCha20 keystream, consumed in order."""

    def __init__(self):
        self.key = b"TEST RANDOMNESS TEST RANDOMNESS!"
        self.buf = b""
        self.counter = 0

    def __call__(self, n):
        while len(self.buf) < n:
            self.buf += chacha20_block(self.key, self.counter, bytes(12))
            self.counter += 1
        out, self.buf = self.buf[:n], self.buf[n:]
        return out


def hkdf(ikm, salt, info, n=32):
    prk = hmac.new(salt if salt else bytes(32), ikm, hashlib.sha256).digest()
    out, t, i = b"", b"", 1
    while len(out) < n:
        t = hmac.new(prk, t + info + bytes([i]), hashlib.sha256).digest()
        out += t
        i += 1
    return out[:n]


def x25519(scalar, point):
    try:
        return nb.crypto_scalarmult(scalar, point)
    except (nacl.exceptions.RuntimeError, nacl.exceptions.CryptoError):
        return bytes(32)  # low-order point: the testkit uses the all-zero value


BASEPOINT = bytes([9]) + bytes(31)
B64 = lambda b: base64.b64encode(b).decode().rstrip("=")
CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def bech32_polymod(values):
    gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
    chk = 1
    for v in values:
        b = chk >> 25
        chk = (chk & 0x1ffffff) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((b >> i) & 1) else 0
    return chk


def bech32_hrp_expand(hrp):
    return [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]


def bech32_encode_bytes(hrp, data, upper):
    acc, bits, values = 0, 0, []
    for b in data:
        acc = (acc << 8) | b
        bits += 8
        while bits >= 5:
            bits -= 5
            values.append((acc >> bits) & 31)
    if bits:
        values.append((acc << (5 - bits)) & 31)
    hrp = hrp.lower()
    mod = bech32_polymod(bech32_hrp_expand(hrp) + values + [0] * 6) ^ 1
    values += [(mod >> 5 * (5 - i)) & 31 for i in range(6)]
    s = hrp + "1" + "".join(CHARSET[v] for v in values)
    return s.upper() if upper else s


def bech32_decode_bytes(s):
    s = s.lower()
    pos = s.rfind("1")
    hrp, values = s[:pos], [CHARSET.index(c) for c in s[pos + 1:]]
    assert bech32_polymod(bech32_hrp_expand(hrp) + values) == 1
    acc, bits, out = 0, 0, []
    for v in values[:-6]:
        acc = (acc << 5) | v
        bits += 5
        if bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 255)
    return bytes(out)


# --- the testkit ---------------------------------------------------------------------------

TEST_FILE_KEY = b"YELLOW SUBMARINE"
TEST_X25519_IDENTITY = bech32_decode_bytes(
    "AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0")
TEST_X25519_RECIPIENT = x25519(TEST_X25519_IDENTITY, BASEPOINT)
LARGE_FILE_KEY = bytes.fromhex("7aa5bdac0e6afeed3dd0a7eccb42af44")
LARGE_NONCE = bytes.fromhex("c82f71eb82029b77136399e485e879f4")
LARGE_FIRST_CHUNK = bytes(64 * 1024)


def not_canonical_base64(s):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    return s[:-1] + alphabet[alphabet.index(s[-1]) + 1]


class TestFile:
    def __init__(self):
        self.buf = bytearray()
        self.rand = TestRand()
        self.file_key = TEST_FILE_KEY
        self.stream_key = None
        self.nonce = bytearray(12)
        self.payload = bytearray()
        self.expect = "success"
        self.comment = ""
        self.identities = []
        self.passphrases = []

    def text_line(self, s):
        self.buf += s.encode() + b"\n"

    def unread_line(self):
        buf = bytes(self.buf).removesuffix(b"\n")
        idx = buf.rfind(b"\n") + 1
        self.buf = bytearray(buf[:idx])
        return buf[idx:].decode()

    def unread_args_line(self):
        return self.unread_line().removeprefix("-> ").split(" ")

    def args_line(self, *args):
        self.text_line(" ".join(("->",) + args))

    def body(self, body):
        while True:
            line, body = body[:48], body[48:]
            self.text_line(B64(line))
            if len(line) < 48:
                break

    def aead_body(self, key, body):
        self.body(nb.crypto_aead_chacha20poly1305_ietf_encrypt(body, None, bytes(12), key))

    def x25519_record_identity(self, identity):
        self.identities.append(bech32_encode_bytes("AGE-SECRET-KEY-", identity, True))

    def x25519_no_record_identity(self, identity):
        share = x25519(self.rand(32), BASEPOINT)
        self.x25519_stanza(share, identity)

    def x25519(self, identity):
        self.x25519_record_identity(identity)
        self.x25519_no_record_identity(identity)

    def x25519_stanza(self, share, identity):
        recipient = x25519(identity, BASEPOINT)
        self.args_line("X25519", B64(share))
        secret = x25519(identity, share)
        key = hkdf(secret, share + recipient, b"age-encryption.org/v1/X25519")
        self.aead_body(key, self.file_key)

    def scrypt(self, passphrase, work_factor):
        self.passphrases.append(passphrase)
        self.scrypt_no_record(passphrase, work_factor)

    def scrypt_no_record(self, passphrase, work_factor):
        salt = self.rand(16)
        self.args_line("scrypt", B64(salt), str(work_factor))
        key = hashlib.scrypt(passphrase.encode(), salt=b"age-encryption.org/v1/scrypt" + salt,
                             n=1 << work_factor, r=8, p=1, dklen=32)
        self.aead_body(key, self.file_key)

    def hmac(self):
        key = hkdf(self.file_key, b"", b"header")
        mac = hmac.new(key, bytes(self.buf) + b"---", hashlib.sha256).digest()
        self.text_line("--- " + B64(mac))

    def set_nonce(self, nonce):
        self.stream_key = hkdf(self.file_key, nonce, b"payload")
        self.buf += nonce

    def payload_chunk(self, plaintext):
        self.payload += plaintext
        self.buf += nb.crypto_aead_chacha20poly1305_ietf_encrypt(
            plaintext, None, bytes(self.nonce), self.stream_key)
        self.nonce[10] += 1

    def payload_chunk_final(self, plaintext):
        self.payload += plaintext
        self.nonce[11] = 1
        self.buf += nb.crypto_aead_chacha20poly1305_ietf_encrypt(
            plaintext, None, bytes(self.nonce), self.stream_key)

    def payload_text(self, text):
        self.set_nonce(self.rand(16))
        self.payload_chunk_final(text.encode())

    def generate(self):
        out = "expect: %s\n" % self.expect
        if self.expect in ("success", "payload failure"):
            out += "payload: %s\n" % hashlib.sha256(self.payload).hexdigest()
        out += "file key: %s\n" % self.file_key.hex()
        for i in self.identities:
            out += "identity: %s\n" % i
        for p in self.passphrases:
            out += "passphrase: %s\n" % p
        if self.comment:
            out += "comment: %s\n" % self.comment
        return out.encode() + b"\n" + bytes(self.buf)


# --- the vectors (each mirrors age/internal/tests/<name>.go) --------------------------------


def v_x25519(f):
    f.text_line("age-encryption.org/v1")
    f.x25519(TEST_X25519_IDENTITY)
    f.hmac()
    f.payload_text("age")


def v_x25519_multiple_recipients(f):
    f.text_line("age-encryption.org/v1")
    f.x25519_no_record_identity(f.rand(32))
    f.x25519(TEST_X25519_IDENTITY)
    f.hmac()
    f.payload_text("age")


def v_x25519_no_match(f):
    f.text_line("age-encryption.org/v1")
    f.x25519_record_identity(f.rand(32))
    f.x25519_no_record_identity(TEST_X25519_RECIPIENT)
    f.hmac()
    f.payload_text("age")
    f.expect = "no match"


def v_x25519_bad_tag(f):
    f.text_line("age-encryption.org/v1")
    f.x25519(TEST_X25519_IDENTITY)
    body = bytearray(base64.b64decode(f.unread_line() + "=="))
    body[-1] ^= 0xff
    f.text_line(B64(bytes(body)))
    f.hmac()
    f.payload_text("age")
    f.expect = "no match"
    f.comment = ("the ChaCha20Poly1305 authentication tag on the body of the X25519 stanza is "
                 "wrong")


def v_x25519_low_order(f):
    f.text_line("age-encryption.org/v1")
    f.x25519_record_identity(TEST_X25519_IDENTITY)
    share = bytes([0x5f, 0x9c, 0x95, 0xbc, 0xa3, 0x50, 0x8c, 0x24, 0xb1, 0xd0, 0xb1, 0x55, 0x9c,
                   0x83, 0xef, 0x5b, 0x04, 0x44, 0x5c, 0xc4, 0x58, 0x1c, 0x8e, 0x86, 0xd8, 0x22,
                   0x4e, 0xdd, 0xd0, 0x9f, 0x11, 0xd7])
    f.x25519_stanza(share, TEST_X25519_IDENTITY)
    f.hmac()
    f.payload_text("age")
    f.expect = "header failure"
    f.comment = ("the X25519 share is a low-order point, so the shared secretis the disallowed "
                 "all-zero value")


def v_x25519_not_canonical_share(f):
    f.text_line("age-encryption.org/v1")
    f.x25519(TEST_X25519_IDENTITY)
    body, args = f.unread_line(), f.unread_line()
    f.text_line(not_canonical_base64(args))
    f.text_line(body)
    f.hmac()
    f.payload_text("age")
    f.expect = "header failure"
    f.comment = "the base64 encoding of the share is not canonical"


def v_scrypt(f):
    f.text_line("age-encryption.org/v1")
    f.scrypt("password", 10)
    f.hmac()
    f.payload_text("age")


def v_scrypt_no_match(f):
    f.text_line("age-encryption.org/v1")
    f.passphrases.append("wrong")
    f.scrypt_no_record("password", 10)
    f.hmac()
    f.payload_text("age")
    f.expect = "no match"


def v_scrypt_and_x25519(f):
    f.text_line("age-encryption.org/v1")
    f.x25519_record_identity(f.rand(32))
    f.x25519_no_record_identity(TEST_X25519_IDENTITY)
    f.scrypt("password", 10)
    f.hmac()
    f.payload_text("age")
    f.expect = "header failure"
    f.comment = "scrypt stanzas must be alone in the header"


def v_scrypt_double(f):
    f.text_line("age-encryption.org/v1")
    f.scrypt("password", 10)
    f.scrypt("hunter2", 10)
    f.hmac()
    f.payload_text("age")
    f.expect = "header failure"
    f.comment = "scrypt stanzas must be alone in the header"


def v_scrypt_work_factor_23(f):
    f.text_line("age-encryption.org/v1")
    f.passphrases.append("password")
    f.args_line("scrypt", "rF0/NwblUHHTpgQgRpe5CQ", "23")
    f.text_line("qW9eVsT0NVb/Vswtw8kPIxUnaYmm9Px1dYmq2+4+qZA")
    f.hmac()
    f.payload_text("age")
    f.expect = "header failure"
    f.comment = "work factor is very high, would take a long time to compute"


def v_scrypt_not_canonical_salt(f):
    f.text_line("age-encryption.org/v1")
    f.scrypt("password", 10)
    body, args = f.unread_line(), f.unread_args_line()
    f.args_line(args[0], not_canonical_base64(args[1]), args[2])
    f.text_line(body)
    f.hmac()
    f.payload_text("age")
    f.expect = "header failure"


def v_scrypt_work_factor_leading_zero_decimal(f):
    f.text_line("age-encryption.org/v1")
    f.scrypt("password", 10)
    body, args = f.unread_line(), f.unread_args_line()
    f.args_line(args[0], args[1], "010")
    f.text_line(body)
    f.hmac()
    f.payload_text("age")
    f.expect = "header failure"


def v_hmac_bad(f):
    f.text_line("age-encryption.org/v1")
    f.x25519(TEST_X25519_IDENTITY)
    f.file_key = bytes(16)
    f.hmac()
    f.file_key = TEST_FILE_KEY
    f.payload_text("age")
    f.expect = "HMAC failure"


def v_stream_last_chunk_empty(f):
    f.file_key = LARGE_FILE_KEY
    f.text_line("age-encryption.org/v1")
    f.x25519(TEST_X25519_IDENTITY)
    f.hmac()
    f.set_nonce(LARGE_NONCE)
    f.payload_chunk(LARGE_FIRST_CHUNK)
    f.payload_chunk_final(b"")
    f.comment = "final STREAM chunk can't be empty unless whole payload is empty"
    f.expect = "payload failure"
    f.payload = f.payload[:64 * 1024]


def v_stream_trailing_garbage_short(f):
    f.file_key = LARGE_FILE_KEY
    f.text_line("age-encryption.org/v1")
    f.x25519(TEST_X25519_IDENTITY)
    f.hmac()
    f.set_nonce(LARGE_NONCE)
    f.payload_chunk_final(LARGE_FIRST_CHUNK)
    f.buf += f.rand(12)
    f.expect = "payload failure"
    f.payload = f.payload[:64 * 1024]


if __name__ == "__main__":
    for name, fn in sorted(globals().items()):
        if name.startswith("v_"):
            f = TestFile()
            fn(f)
            with open(os.path.join(HERE, name[2:]), "wb") as out:
                out.write(f.generate())
