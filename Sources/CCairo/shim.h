#ifndef MLSCAPE_CCAIRO_SHIM_H
#define MLSCAPE_CCAIRO_SHIM_H
// Cairo (PNG, SVG and PDF surfaces) and Pango's Cairo binding, as one C module.
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#endif
