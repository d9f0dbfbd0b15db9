#!/usr/bin/env python3
"""Corpus for tools/langdetect_diff: length-prefixed (u32 LE) UTF-8 records.

gen.py OUT CONFORMANCE_DIR [N_MIXES]: every response/text/prompt string of
CONFORMANCE_DIR/*/*.jsonl with its first-line-, last-line- and both-removed
variants, then N_MIXES (default 100000) seeded random mixtures of scripts,
URLs, e-mail addresses, digits, punctuation and emoji (2% longer than 10,000
characters, 1% with random invalid UTF-8 bytes).
"""
import glob, json, random, struct, sys

out = open(sys.argv[1], 'wb')
confdir = sys.argv[2]
nmix = int(sys.argv[3]) if len(sys.argv) > 3 else 100000
count = 0
def emit(b):
    global count
    if isinstance(b, str):
        b = b.encode('utf-8', 'surrogatepass')
    out.write(struct.pack('<I', len(b)))
    out.write(b)
    count += 1

texts = []
for f in sorted(glob.glob(confdir + '/*/*.jsonl')):
    for line in open(f, encoding='utf-8'):
        r = json.loads(line)
        for k in ('response', 'text', 'prompt'):
            v = r.get(k)
            if isinstance(v, str):
                texts.append(v)
seen = set()
for t in texts:
    lines = t.split('\n')
    for v in (t, '\n'.join(lines[1:]), '\n'.join(lines[:-1]), '\n'.join(lines[1:-1])):
        if v not in seen:
            seen.add(v)
            emit(v)
nreal = count
rng = random.Random(12345)
words = [w for t in texts[:3000] for w in t.split()]
def rnd_range(lo, hi, n):
    return ''.join(chr(rng.randint(lo, hi)) for _ in range(n))
latin_dia = 'àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßăąćčďđęěğıłńňőœřśşšţťůűźżžșțÀÉÎÕÜŞȘȚ'
scripts = [
    lambda n: ' '.join(rng.choice(words) for _ in range(n)),
    lambda n: ''.join(rng.choice(latin_dia + 'abcdefghijklmnopqrstuvwxyz    ') for _ in range(n * 5)),
    lambda n: ' '.join(rnd_range(0x430, 0x44F, rng.randint(2, 9)) for _ in range(n)),   # Cyrillic
    lambda n: rnd_range(0x4E00, 0x9FFF, n * 2),                                          # CJK
    lambda n: rnd_range(0x3040, 0x30FF, n * 2),                                          # kana
    lambda n: rnd_range(0xAC00, 0xD7AF, n * 2),                                          # Hangul
    lambda n: ' '.join(rnd_range(0x621, 0x64A, rng.randint(2, 8)) for _ in range(n)),   # Arabic
    lambda n: ' '.join(rnd_range(0x6A9, 0x6CC, rng.randint(2, 6)) for _ in range(n)),   # Farsi letters
    lambda n: ' '.join(rnd_range(0x905, 0x939, rng.randint(2, 7)) for _ in range(n)),   # Devanagari
    lambda n: ' '.join(rnd_range(0xE01, 0xE2E, rng.randint(2, 7)) for _ in range(n)),   # Thai
    lambda n: ' '.join(rnd_range(0x391, 0x3C9, rng.randint(2, 8)) for _ in range(n)),   # Greek
    lambda n: ' '.join(rnd_range(0x5D0, 0x5EA, rng.randint(2, 8)) for _ in range(n)),   # Hebrew
    lambda n: ' '.join(''.join(rng.choice('aeiouyAEIOUdD') + (rng.choice('\u0300\u0301\u0303\u0309\u0323') if rng.random() < .6 else '') + rng.choice('nmtcgh') for _ in range(rng.randint(1, 3))) for _ in range(n)),  # Vietnamese combining
    lambda n: ' '.join(rng.choice(['việt', 'Nam', 'người', 'được', 'những', 'không', 'của', 'trong', 'đã', 'có']) for _ in range(n)),
    lambda n: ' '.join('http%s://%s.%s/%s' % (rng.choice(['', 's']), rng.choice(words), rng.choice(['com', 'org', 'de']), rnd_range(0x61, 0x7A, rng.randint(0, 3000 if rng.random() < .05 else 30))) for _ in range(max(1, n // 5))),
    lambda n: ' '.join('%s@%s.%s' % (rnd_range(0x61, 0x7A, rng.randint(1, 70)), rnd_range(0x61, 0x7A, rng.randint(0, 10)), rng.choice(['com', 'x', ''])) for _ in range(max(1, n // 5))),
    lambda n: ' '.join(str(rng.randint(0, 10**9)) for _ in range(n)),
    lambda n: ''.join(rng.choice('.,;:!?-()[]{}"\'*#\n\t ') for _ in range(n * 3)),
    lambda n: rnd_range(0x1F300, 0x1F64F, n),                                            # emoji
    lambda n: ' '.join(rng.choice(words).upper() for _ in range(n)),
    lambda n: ' '.join(rng.choice(words).title() for _ in range(n)),
    lambda n: rnd_range(0x20, 0x2FFF, n * 3),                                           # anything BMP
    lambda n: rnd_range(0x2000, 0x206F, n),                                             # general punctuation
    lambda n: ' '.join(rnd_range(0x10A0, 0x10FF, 5) for _ in range(n)),                 # Georgian (no profile)
]
emit('')
emit(' ')
emit('a')
for i in range(nmix):
    r = rng.random()
    if r < 0.02:
        # very long
        parts = [scripts[rng.randrange(len(scripts))](rng.randint(200, 2000)) for _ in range(rng.randint(1, 4))]
        s = '\n'.join(parts)
        while len(s) < 10000:
            s += ' ' + scripts[0](500)
    else:
        k = rng.choice([1, 1, 1, 2, 2, 3, 4])
        parts = [scripts[rng.randrange(len(scripts))](rng.choice([1, 2, 3, 5, 10, 20, 50, 100, 200])) for _ in range(k)]
        s = rng.choice([' ', '\n', '', '. ']).join(parts)
    if rng.random() < 0.01:
        b = bytearray(s.encode('utf-8', 'surrogatepass'))
        for _ in range(rng.randint(1, 5)):
            if b:
                b[rng.randrange(len(b))] = rng.randrange(256)
        emit(bytes(b))
    else:
        emit(s)
sys.stderr.write('%d records (%d from conformance data)\n' % (count, nreal))
