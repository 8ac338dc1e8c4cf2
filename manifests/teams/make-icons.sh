#!/usr/bin/env bash
# Draws the two Teams icons with ImageMagick (apt-get install imagemagick): color.png 192x192 (symbol on a solid background)
# and outline.png 32x32 (white on transparent, no padding). Run it again only to change the icons; both PNGs are committed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
# Debian's ImageMagick 6 binary, not whatever else may be called convert earlier on PATH.
convert=${CONVERT:-/usr/bin/convert}
"$convert" -size 192x192 xc:'#2B6CB0' \
  -fill none -stroke white -strokewidth 14 -draw 'arc 48,48 144,144 40,320' \
  -fill white -stroke none -draw 'polygon 128,42 156,66 120,78' \
  -strip PNG32:color.png
"$convert" -size 32x32 xc:none \
  -fill none -stroke white -strokewidth 3 -draw 'arc 2,2 30,30 40,320' \
  -fill white -stroke none -draw 'polygon 22,2 31,9 19,12' \
  -strip PNG32:outline.png
"${convert%convert}identify" color.png outline.png
