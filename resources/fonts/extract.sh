#!/bin/sh
# Rebuilds WenQuanYiMicroHei.ttf: face 0 of Debian's fonts-wqy-microhei
# collection, saved as a single-face TrueType font that both Fyne and the PDF
# writer can load (neither reads .ttc collections).
#
#   apt-get install fonts-wqy-microhei python3-fonttools && sh extract.sh
set -eu
cd "$(dirname "$0")"
/usr/bin/python3 - <<'PY'
from fontTools.ttLib import TTCollection
c = TTCollection("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
c.fonts[0].save("WenQuanYiMicroHei.ttf")
PY
cp /usr/share/doc/fonts-wqy-microhei/copyright LICENSE.wqy-microhei
