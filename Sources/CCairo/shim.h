#ifndef MLSCAPE_CCAIRO_SHIM_H
#define MLSCAPE_CCAIRO_SHIM_H
// Cairo (image and PDF surfaces), Pango's Cairo binding, zlib (for our PNG encoder) and
// glibc's malloc_trim (for the pipeline's writers at once), as one C module.
#include <malloc.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <fontconfig/fontconfig.h>
#include <zlib.h>

/* How many installed fonts fontconfig lists under `family`, among all the names each font
   has (DejaVu Sans Condensed is also a face of DejaVu Sans): 0 when none is installed and
   text falls back to another family. */
static inline int mlscape_fonts_named(const char *family) {
    FcPattern *pattern = FcPatternCreate();
    if (!pattern) return 0;
    FcPatternAddString(pattern, FC_FAMILY, (const FcChar8 *)family);
    FcObjectSet *objects = FcObjectSetBuild(FC_FAMILY, (char *)0);
    FcFontSet *fonts = objects ? FcFontList(NULL, pattern, objects) : NULL;
    int n = fonts ? fonts->nfont : 0;
    if (fonts) FcFontSetDestroy(fonts);
    if (objects) FcObjectSetDestroy(objects);
    FcPatternDestroy(pattern);
    return n;
}

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Adler-32 as zlib's adler32() computes it, 16 bytes at a step where SSE2 is there: the
   PNG encoder checksums every row it compresses (95 MB for the blog's figures), and zlib's
   own loop takes one byte at a time. Per block of 16 bytes b[0..15] at offset 16k of a run
   of n: s1 gains the bytes' sum (psadbw), s2 gains 16 (K - k - 1) times it plus the sum of
   (16 - j) b[j] (pmaddwd); the first is gathered as the running sums before each block
   (vps). Runs of at most 347 blocks keep every 32-bit lane from overflowing. */
static inline unsigned long mlscape_adler32(unsigned long adler, const unsigned char *buf, unsigned long len) {
    unsigned long long s1 = adler & 0xffff, s2 = (adler >> 16) & 0xffff;
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    const __m128i wlo = _mm_setr_epi16(16, 15, 14, 13, 12, 11, 10, 9);
    const __m128i whi = _mm_setr_epi16(8, 7, 6, 5, 4, 3, 2, 1);
    while (len >= 16) {
        unsigned long blocks = len / 16;
        if (blocks > 347) blocks = 347;
        __m128i vs1 = zero, vps = zero, vs2 = zero;
        for (unsigned long k = 0; k < blocks; k++) {
            __m128i b = _mm_loadu_si128((const __m128i *)buf);
            buf += 16;
            vps = _mm_add_epi32(vps, vs1);
            vs1 = _mm_add_epi32(vs1, _mm_sad_epu8(b, zero));
            vs2 = _mm_add_epi32(vs2, _mm_madd_epi16(_mm_unpacklo_epi8(b, zero), wlo));
            vs2 = _mm_add_epi32(vs2, _mm_madd_epi16(_mm_unpackhi_epi8(b, zero), whi));
        }
        unsigned int t[4];
        unsigned long long sum1, sumps, sum2, n = blocks * 16;
        _mm_storeu_si128((__m128i *)t, vs1);
        sum1 = (unsigned long long)t[0] + t[1] + t[2] + t[3];
        _mm_storeu_si128((__m128i *)t, vps);
        sumps = (unsigned long long)t[0] + t[1] + t[2] + t[3];
        _mm_storeu_si128((__m128i *)t, vs2);
        sum2 = (unsigned long long)t[0] + t[1] + t[2] + t[3];
        s2 = (s2 + n * s1 + 16 * sumps + sum2) % 65521;
        s1 = (s1 + sum1) % 65521;
        len -= n;
    }
#endif
    while (len >= 5552) {
        for (int i = 0; i < 5552; i++) { s1 += *buf++; s2 += s1; }
        s1 %= 65521;
        s2 %= 65521;
        len -= 5552;
    }
    while (len--) { s1 += *buf++; s2 += s1; }
    s1 %= 65521;
    s2 %= 65521;
    return (unsigned long)((s2 << 16) | s1);
}
#endif
