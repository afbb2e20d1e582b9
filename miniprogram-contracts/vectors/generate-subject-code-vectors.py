# 一码通 code vectors (types 4–7: licence, enterprise, authorisation, appointment) for ../qr-payload.md, "一码通 codes".
# Same published key as generate-health-code-vectors.py, written from the spec independently of the server.
# Run: python3 generate-subject-code-vectors.py > subject-code-vectors.json  (needs the 'cryptography' package)
import base64, json, struct, hashlib, datetime
from cryptography.hazmat.primitives.asymmetric import ec, utils
from cryptography.hazmat.primitives import hashes

def b64u(b): return base64.urlsafe_b64encode(b).rstrip(b'=').decode()
def key(seed):
    d = int.from_bytes(hashlib.sha256(seed).digest(), 'big') % (2**256 - 2**224 - 1) or 1
    return ec.derive_private_key(d, ec.SECP256R1())
k1 = key(b'minicode test vector key 1'); kid1 = 0x5a17c0de
k2 = key(b'minicode test vector key 2 (not published)'); kid2 = 0x0badbeef
def jwk(k, kid):
    n = k.public_key().public_numbers()
    return {"kty":"EC","crv":"P-256","x":b64u(n.x.to_bytes(32,'big')),"y":b64u(n.y.to_bytes(32,'big')),"kid":"%08x"%kid,"use":"sig","alg":"ES256"}
def signed(t, kid, subj, color, iat, exp): return bytes([1, t]) + struct.pack('>IQBII', kid, subj, color, iat, exp)
N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551  # order of P-256
def sign(k, data):
    r, s = utils.decode_dss_signature(k.sign(data, ec.ECDSA(hashes.SHA256())))
    if s > N // 2: s = N - s  # low-S only: (r, n - s) is the malleable twin, refused by verifiers
    return r.to_bytes(32,'big') + s.to_bytes(32,'big')
def high_s_twin(sig):
    r, s = int.from_bytes(sig[:32],'big'), int.from_bytes(sig[32:],'big')
    return r.to_bytes(32,'big') + (N - s).to_bytes(32,'big')
def payload(data, sig): return "MC1:" + b64u(data + sig)

iat = int(datetime.datetime(2026,11,21,2,0,0,tzinfo=datetime.timezone.utc).timestamp())
NOW = "2026-11-21T02:00:30Z"
V = []
def add(name, p, now, expected, d=None):
    v = {"name": name, "payload": p, "now": now, "expected": expected}
    if d is not None: v["signedBytesHex"] = d.hex()
    V.append(v)
types = {4: "licence", 5: "enterprise", 6: "authorisation", 7: "appointment"}
def valid(t, subj, life):
    return {"valid": True, "type": types[t], "keyId": "%08x"%kid1, "subjectId": subj, "color": None, "issuedAt": iat, "expiresAt": iat+life}

# Shown codes live a few minutes; an appointment code may live until its slot ends.
for name, t, subj, life in [("valid_licence", 4, 1001, 120), ("valid_enterprise", 5, 2002, 300), ("valid_authorisation", 6, 3003, 300),
                            ("valid_appointment", 7, 4004, 6*3600), ("valid_licence_large_id", 4, 9007199254740993, 120)]:
    d = signed(t, kid1, subj, 0xFF, iat, iat+life)
    add(name, payload(d, sign(k1, d)), NOW, valid(t, subj, life), d)
d = signed(4, kid1, 1001, 0xFF, iat, iat+120); sig = sign(k1, d)
add("expired_licence", payload(d, sig), "2026-11-21T02:02:00Z", {"valid": False, "reason": "expired"}, d)
add("high_s_twin_licence", payload(d, high_s_twin(sig)), NOW, {"valid": False, "reason": "bad_signature"})  # verifies as plain ECDSA, but s > n/2
add("tampered_subject_licence", payload(signed(4, kid1, 1002, 0xFF, iat, iat+120), sig), NOW, {"valid": False, "reason": "bad_signature"})
a = signed(6, kid1, 3003, 0xFF, iat, iat+300)
add("licence_signature_on_authorisation_type", payload(a, sig), NOW, {"valid": False, "reason": "bad_signature"})
d2 = signed(7, kid2, 4004, 0xFF, iat, iat+3600)
add("unknown_key_appointment", payload(d2, sign(k2, d2)), NOW, {"valid": False, "reason": "unknown_key"})
for name, t in [("malformed_type_0", 0), ("malformed_type_8", 8), ("malformed_type_255", 255)]:
    m = signed(t, kid1, 1001, 0xFF, iat, iat+120)
    add(name, payload(m, sign(k1, m)), NOW, {"valid": False, "reason": "malformed"})
m = signed(5, kid1, 2002, 0x04, iat, iat+300)
add("malformed_colour_4", payload(m, sign(k1, m)), NOW, {"valid": False, "reason": "malformed"})

out = {"description": "MiniCode 一码通 code (MC1 types 4-7) test vectors (see ../qr-payload.md, '一码通 codes'). Generated with Python 'cryptography' independently of the server code.",
       "jwks": {"keys": [jwk(k1, kid1)]}, "vectors": V}
print(json.dumps(out, indent=2, ensure_ascii=False))
