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
piecewise STACK OFFSET W H T N BLOCK
    Piecewise-rigid registration of the first N frames with CaTrace's block scheme, written as a numpy/scipy script
    would (the blocks of a frame as one batch of FFTs): the rigid step of `register`, then square blocks of BLOCK px
    overlapping by half a block (CaTrace's BlockGrid starts), each block's shift against the template's block by the
    same band-passed, partially whitened phase correlation within max(3, BLOCK // 6) px (peak + parabola), weak blocks
    (peak below half the median) replaced by their neighbours' distance-weighted mean, the per-block shifts spread to
    every pixel bilinearly between block centres, two rounds of warping the frame by the field so far
    (scipy.ndimage.map_coordinates, bilinear) and measuring the blocks again, and the correlation of the warped frame
    with the template. Prints "piecewise_s=… blocks=…" (one pass, untimed template; one core).
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


def _taper(m):
    k = max(1, round(0.15 * m))
    d = np.minimum(np.arange(m), m - 1 - np.arange(m))
    return np.where(d >= k, 1.0, 0.5 * (1 - np.cos(np.pi * (d + 0.5) / k)))


def _band(h, w):
    fy = np.fft.fftfreq(h)[:, None]
    fx = np.fft.fftfreq(w)[None, :]
    f2 = fx * fx + fy * fy
    return np.exp(-2 * np.pi ** 2 * 1.15 ** 2 * f2) * (1 - np.exp(-2 * np.pi ** 2 * 8.0 ** 2 * f2))


def _whitened_surface(cross, band, axes=(-2, -1)):
    """The correlation surface of a cross-power spectrum, band-passed and divided by the square root of its magnitude."""
    mag = np.abs(cross)
    cross = np.where(mag > 0, cross * band / np.sqrt(np.maximum(mag, 1e-300)), 0)
    return np.fft.ifft2(cross, axes=axes).real


def _surface(frame, win, tspec, band):
    """The correlation surface of a frame (tapered, mean subtracted) with the template's conjugate spectrum."""
    return _whitened_surface(np.fft.fft2((frame - frame.mean()) * win) * tspec, band)


def _rigid_setup(stack, offset, w, h, t, n):
    """The stack as a memmap, the template (mean of 60 frames spread over the first n; not timed), the taper, the
    band-pass, the template's conjugate spectrum and the largest shift looked for (20 % of the smaller side)."""
    mov = np.memmap(stack, dtype="<u2", mode="r", offset=int(offset), shape=(int(t), h, w))
    pick = np.linspace(0, n - 1, min(60, n)).round().astype(int)
    template = mov[pick].astype(np.float64).mean(axis=0)
    win = _taper(h)[:, None] * _taper(w)[None, :]
    band = _band(h, w)
    tspec = np.conj(np.fft.fft2((template - template.mean()) * win))
    return mov, template, win, band, tspec, int(0.2 * min(w, h))


def register(stack, offset, w, h, t, n):
    from scipy import ndimage
    w, h, n = int(w), int(h), min(int(n), int(t))
    mov, template, win, band, tspec, m = _rigid_setup(stack, offset, w, h, t, n)
    best = float("inf")
    maxshift = 0.0
    for _ in range(2):
        t0 = time.perf_counter()
        for k in range(n):
            frame = np.asarray(mov[k], dtype=np.float64)
            c = _surface(frame, win, tspec, band)
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

def _starts(n, size):
    count = max(1, int(np.ceil((n - size) / (size / 2.0))) + 1)
    if count == 1:
        return np.array([(n - size) // 2])
    return np.array([int(np.floor(i * (n - size) / (count - 1) + 0.5)) for i in range(count)])


def _peaks(c, m):
    """Peak within +-m of 0 of each surface in c (..., H, W) and a parabola through its neighbours: (sy, sx, height)."""
    c = np.roll(np.roll(c, m, axis=-2), m, axis=-1)[..., :2 * m + 1, :2 * m + 1]
    flat = c.reshape(c.shape[:-2] + (-1,))
    k = np.argmax(flat, axis=-1)
    iy, ix = np.divmod(k, 2 * m + 1)
    idx = np.arange(flat.shape[0])
    top = flat[idx, k]

    def par(a, b, d):
        den = a - 2 * b + d
        return np.where(den < 0, np.clip(0.5 * (a - d) / np.where(den < 0, den, -1), -0.5, 0.5), 0.0)

    yu, yd = np.clip(iy - 1, 0, 2 * m), np.clip(iy + 1, 0, 2 * m)
    xl, xr = np.clip(ix - 1, 0, 2 * m), np.clip(ix + 1, 0, 2 * m)
    fy = np.where((iy > 0) & (iy < 2 * m), par(c[idx, yu, ix], top, c[idx, yd, ix]), 0.0)
    fx = np.where((ix > 0) & (ix < 2 * m), par(c[idx, iy, xl], top, c[idx, iy, xr]), 0.0)
    return iy - m + fy, ix - m + fx, top


def piecewise(stack, offset, w, h, t, n, block):
    from scipy import ndimage
    w, h, n, size = int(w), int(h), min(int(n), int(t)), int(block)
    mov, template, win, band, tspec, m = _rigid_setup(stack, offset, w, h, t, n)
    size = min(size, w, h)
    xs, ys = _starts(w, size), _starts(h, size)
    cx, cy = xs + (size - 1) / 2.0, ys + (size - 1) / 2.0
    nb = len(xs) * len(ys)
    bwin = _taper(size)[:, None] * _taper(size)[None, :]
    bband = _band(size, size)
    mb = max(3, size // 6)
    yy, xx = np.meshgrid(ys, xs, indexing="ij")
    by0, bx0 = yy.ravel(), xx.ravel()
    rows = by0[:, None] + np.arange(size)[None, :]
    cols = bx0[:, None] + np.arange(size)[None, :]

    def blocks(img):
        b = img[rows[:, :, None], cols[:, None, :]]
        mean = np.nanmean(b, axis=(1, 2), keepdims=True)
        return np.where(np.isnan(b), 0.0, (b - mean) * bwin)

    tb = blocks(template)
    tbspec = np.conj(np.fft.fft2(tb, axes=(1, 2)))
    bcx, bcy = cx[np.arange(nb) % len(xs)], cy[np.arange(nb) // len(xs)]
    dist = np.hypot(bcx[:, None] - bcx[None, :], bcy[:, None] - bcy[None, :])
    near = 1 / (1 + dist * dist)
    np.fill_diagonal(near, 0)

    def block_shifts(img):
        c = _whitened_surface(np.fft.fft2(blocks(img), axes=(1, 2)) * tbspec, bband, axes=(1, 2))
        sy, sx, peak = _peaks(c, mb)
        weak = peak < 0.5 * np.sort(peak)[nb // 2]
        if weak.any():
            wt = near * (~weak)[None, :]
            sw = wt.sum(axis=1)
            fx = np.where(sw > 0, wt @ sx / np.where(sw > 0, sw, 1), 0)
            fy = np.where(sw > 0, wt @ sy / np.where(sw > 0, sw, 1), 0)
            sx, sy = np.where(weak, fx, sx), np.where(weak, fy, sy)
        return sx.reshape(len(ys), len(xs)), sy.reshape(len(ys), len(xs))

    gy, gx = np.mgrid[0:h, 0:w].astype(np.float64)
    jy = np.clip(np.searchsorted(cy, np.arange(h), side="right") - 1, 0, len(ys) - 1)
    jy1 = np.minimum(jy + 1, len(ys) - 1)
    fy = np.where(jy1 == jy, 0.0, np.clip((np.arange(h) - cy[jy]) / np.where(jy1 == jy, 1, cy[jy1] - cy[jy]), 0, 1))
    ix = np.clip(np.searchsorted(cx, np.arange(w), side="right") - 1, 0, len(xs) - 1)
    ix1 = np.minimum(ix + 1, len(xs) - 1)
    fx = np.where(ix1 == ix, 0.0, np.clip((np.arange(w) - cx[ix]) / np.where(ix1 == ix, 1, cx[ix1] - cx[ix]), 0, 1))

    def spread(v):
        along = (1 - fx)[None, :] * v[:, ix] + fx[None, :] * v[:, ix1]
        return (1 - fy)[:, None] * along[jy] + fy[:, None] * along[jy1]

    t0 = time.perf_counter()
    for k in range(n):
        frame = np.asarray(mov[k], dtype=np.float64)
        sy, sx, _ = _peaks(_surface(frame, win, tspec, band)[None], m)
        sx, sy = float(sx[0]), float(sy[0])
        moved = ndimage.shift(frame, (-sy, -sx), order=1, mode="constant", cval=np.nan)
        bdx, bdy = block_shifts(moved)
        for _ in range(3):
            warped = ndimage.map_coordinates(frame, [gy + sy + spread(bdy), gx + sx + spread(bdx)], order=1,
                                             mode="constant", cval=np.nan)
            if _ == 2:
                ok = ~np.isnan(warped)
                np.corrcoef(warped[ok], template[ok])
                break
            rx, ry = block_shifts(warped)
            bdx, bdy = bdx + rx, bdy + ry
    print("piecewise_s=%.6f blocks=%d" % (time.perf_counter() - t0, nb))


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
    elif sys.argv[1] == "piecewise":
        piecewise(*sys.argv[2:9])
    elif sys.argv[1] == "filter":
        filt(*sys.argv[2:6])
    elif sys.argv[1] == "oasis":
        oasis(*sys.argv[2:8])
    else:
        sys.exit("unknown mode " + sys.argv[1])
