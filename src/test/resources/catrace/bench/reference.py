"""Reference timings for `./catrace bench` (run by catrace.devtools.Bench as a subprocess; CaTrace itself needs no Python).

extract STACK OFFSET W H T ROIS OUT
    ROI means over a uint16 little-endian stack read with numpy.memmap in float32 batches of frames, the Suite2p way:
    (a) a sparse ROI matrix (weights 1/npix) times the batch (m @ batch.T), (b) Suite2p's per-cell loop
    F[n] = data[:, ipix[n]] @ lam[n] (suite2p.extraction.extract_traces). ROIS: int32 little-endian
    [nroi, start[0..nroi], pixels...]. Writes (a)'s F (nroi x T, float64) to OUT and prints
    "sparse_s=… percell_s=…" (each the best of two passes).
filter COEFFS NTRACES NSAMPLES OUT
    scipy.signal.filtfilt (a = 1, odd padding of 3*(taps-1) samples, as MATLAB and CaTrace) on synthetic traces
    x[i, k] = sin(0.001 * k * (i % 50 + 1)) + ((k * 7919 + i * 104729) % 1000) / 1000 and scipy.signal.find_peaks on
    the result; writes trace 0 filtered (float64) to OUT and prints "filtfilt_s=… find_peaks_s=… peaks=…" (filtfilt: the
    best of two runs; scipy runs it on one core).
register STACK OFFSET W H T N
    Rigid registration of the first N frames the way a numpy/scipy script does it, with the same steps as CaTrace's
    rigid registration: a template (mean of 60 frames spread over the N), then per frame the FFT of the tapered,
    mean-subtracted frame, the cross-power spectrum with the template (band-passed, divided by the square root of its
    magnitude), the inverse FFT, the peak within 20 % of the smaller side, a parabola through its neighbours for the
    sub-pixel shift, the frame moved back by it (scipy.ndimage.shift, bilinear) and its correlation with the template.
    Prints "register_s=… max_shift_px=…" (best of two passes; numpy's FFT runs on one core).
oasis TRACES NTRACES NSAMPLES G LAMBDA OUT
    OASIS for AR(1) (Friedrich, Zhou & Paninski 2017: pool adjacent violators on c_t / g^t, the penalty lambda as a
    shift of the data) in pure Python on lists, numpy only to read the traces (float64 little-endian, NTRACES x
    NSAMPLES) and to write the pools out; the same problem as CaTrace's Oasis.ar1 (min 1/2|c - y|^2 + lambda sum s,
    s >= 0). Writes c of trace 0 (float64) to OUT and prints "oasis_s=... pools=..." (one core, one run).
"""
import sys
import time

import numpy as np


def extract(stack, offset, w, h, t, rois, out):
    meta = np.fromfile(rois, dtype="<i4")
    nroi = int(meta[0])
    start = meta[1:nroi + 2]
    pix = meta[nroi + 2:]
    mov = np.memmap(stack, dtype="<u2", mode="r", offset=int(offset), shape=(int(t), int(h) * int(w)))
    batch = 500
    try:
        import scipy.sparse as sp
        rows = np.repeat(np.arange(nroi), np.diff(start))
        weights = (1.0 / np.diff(start).astype(np.float32))[rows]
        m = sp.csr_matrix((weights.astype(np.float32), (rows, pix)), shape=(nroi, int(h) * int(w)))
    except ImportError:
        m = None
    f = np.zeros((nroi, int(t)), dtype=np.float64)
    sparse_s = float("nan")
    if m is not None:
        for _ in range(2):  # best of two, as for CaTrace (the first pass also maps the file's pages)
            t0 = time.perf_counter()
            for k in range(0, int(t), batch):
                data = np.asarray(mov[k:k + batch], dtype=np.float32)
                f[:, k:k + batch] = (m @ data.T)
            sparse_s = min(sparse_s, time.perf_counter() - t0) if sparse_s == sparse_s else time.perf_counter() - t0
    ipix = [pix[start[n]:start[n + 1]] for n in range(nroi)]
    lam = [np.full(len(p), 1.0 / len(p), dtype=np.float32) for p in ipix]
    f2 = np.zeros((nroi, int(t)), dtype=np.float32)
    percell_s = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        for k in range(0, int(t), batch):
            data = np.asarray(mov[k:k + batch], dtype=np.float32)
            for n in range(nroi):
                f2[n, k:k + batch] = data[:, ipix[n]] @ lam[n]
        percell_s = min(percell_s, time.perf_counter() - t0)
    if m is None:
        f = f2.astype(np.float64)
    f.astype("<f8").tofile(out)
    print("sparse_s=%.6f percell_s=%.6f" % (sparse_s, percell_s))


def filt(coeffs, ntraces, nsamples, out):
    from scipy.signal import filtfilt, find_peaks
    b = np.fromfile(coeffs, dtype="<f8")
    i = np.arange(int(ntraces))[:, None]
    k = np.arange(int(nsamples))[None, :]
    x = np.sin(0.001 * k * (i % 50 + 1)) + ((k * 7919 + i * 104729) % 1000) / 1000.0
    filt_s = float("inf")
    for _ in range(2):  # best of two, as for CaTrace
        t0 = time.perf_counter()
        y = filtfilt(b, [1.0], x, axis=1, padtype="odd", padlen=3 * (len(b) - 1))
        filt_s = min(filt_s, time.perf_counter() - t0)
    t0 = time.perf_counter()
    peaks = 0
    for row in y:
        p, _ = find_peaks(row, prominence=0.5)
        peaks += len(p)
    peaks_s = time.perf_counter() - t0
    y[0].astype("<f8").tofile(out)
    print("filtfilt_s=%.6f find_peaks_s=%.6f peaks=%d" % (filt_s, peaks_s, peaks))


def register(stack, offset, w, h, t, n):
    from scipy import ndimage
    w, h, n = int(w), int(h), min(int(n), int(t))
    mov = np.memmap(stack, dtype="<u2", mode="r", offset=int(offset), shape=(int(t), h, w))
    pick = np.linspace(0, n - 1, min(60, n)).round().astype(int)
    template = mov[pick].astype(np.float64).mean(axis=0)

    def taper(m):
        k = max(1, round(0.15 * m))
        d = np.minimum(np.arange(m), m - 1 - np.arange(m))
        return np.where(d >= k, 1.0, 0.5 * (1 - np.cos(np.pi * (d + 0.5) / k)))

    win = taper(h)[:, None] * taper(w)[None, :]
    fy = np.fft.fftfreq(h)[:, None]
    fx = np.fft.fftfreq(w)[None, :]
    f2 = fx * fx + fy * fy
    band = np.exp(-2 * np.pi ** 2 * 1.15 ** 2 * f2) * (1 - np.exp(-2 * np.pi ** 2 * 8.0 ** 2 * f2))
    tspec = np.conj(np.fft.fft2((template - template.mean()) * win))
    m = int(0.2 * min(w, h))
    best = float("inf")
    maxshift = 0.0
    for _ in range(2):
        t0 = time.perf_counter()
        for k in range(n):
            frame = np.asarray(mov[k], dtype=np.float64)
            cross = np.fft.fft2((frame - frame.mean()) * win) * tspec
            mag = np.abs(cross)
            cross = np.where(mag > 0, cross * band / np.sqrt(np.maximum(mag, 1e-300)), 0)
            c = np.fft.ifft2(cross).real
            c = np.roll(np.roll(c, m, axis=0), m, axis=1)[:2 * m + 1, :2 * m + 1]
            iy, ix = np.unravel_index(np.argmax(c), c.shape)

            def par(a, b, d):
                den = a - 2 * b + d
                return 0.0 if den == 0 else 0.5 * (a - d) / den

            sy = iy - m + (par(c[iy - 1, ix], c[iy, ix], c[iy + 1, ix]) if 0 < iy < 2 * m else 0)
            sx = ix - m + (par(c[iy, ix - 1], c[iy, ix], c[iy, ix + 1]) if 0 < ix < 2 * m else 0)
            moved = ndimage.shift(frame, (-sy, -sx), order=1, mode="constant", cval=np.nan)
            ok = ~np.isnan(moved)
            np.corrcoef(moved[ok], template[ok])
            maxshift = max(maxshift, abs(sx), abs(sy))
        best = min(best, time.perf_counter() - t0)
    print("register_s=%.6f max_shift_px=%.3f" % (best, maxshift))

def oasis_ar1(y, g, lam):
    """c of min 1/2|c - y|^2 + lam * sum(s), s_t = c_t - g c_(t-1) >= 0, c_(-1) = 0."""
    n = len(y)
    value, weight, gpow, start, length = [], [], [], [], []
    for t in range(n):
        value.append(y[t] - lam * (1.0 if t == n - 1 else 1.0 - g))
        weight.append(1.0)
        gpow.append(g)
        start.append(t)
        length.append(1)
        # merge back while the new pool starts below the decay of the one before it
        while len(value) > 1 and value[-2] / weight[-2] * gpow[-2] > value[-1] / weight[-1]:
            p = gpow[-2]
            value[-2] += p * value[-1]
            weight[-2] += p * p * weight[-1]
            gpow[-2] = p * gpow[-1]
            length[-2] += length[-1]
            del value[-1], weight[-1], gpow[-1], start[-1], length[-1]
    c = np.empty(n)
    for v, w, t0, l in zip(value, weight, start, length):
        c[t0:t0 + l] = max(v / w, 0.0) * g ** np.arange(l)
    return c, len(value)


def oasis(traces, ntraces, nsamples, g, lam, out):
    x = np.fromfile(traces, dtype="<f8").reshape(int(ntraces), int(nsamples))
    t0 = time.perf_counter()
    pools = 0
    first = None
    for i in range(x.shape[0]):
        c, p = oasis_ar1(x[i].tolist(), float(g), float(lam))
        pools += p
        if first is None:
            first = c
    oasis_s = time.perf_counter() - t0
    first.astype("<f8").tofile(out)
    print("oasis_s=%.6f pools=%d" % (oasis_s, pools))


if __name__ == "__main__":
    if sys.argv[1] == "extract":
        extract(*sys.argv[2:9])
    elif sys.argv[1] == "register":
        register(*sys.argv[2:8])
    elif sys.argv[1] == "filter":
        filt(*sys.argv[2:6])
    elif sys.argv[1] == "oasis":
        oasis(*sys.argv[2:8])
    else:
        sys.exit("unknown mode " + sys.argv[1])
