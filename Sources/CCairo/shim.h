#ifndef MLSCAPE_CCAIRO_SHIM_H
#define MLSCAPE_CCAIRO_SHIM_H
// Cairo (image and PDF surfaces), Pango's Cairo binding, and zlib (for our PNG encoder),
// as one C module.
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <zlib.h>
#endif
