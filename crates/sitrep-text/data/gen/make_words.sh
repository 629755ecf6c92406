#!/bin/sh
# Builds common_words.txt: the lowercase words of SCOWL size 35 (the Debian package
# wamerican-small, /usr/share/dict/american-english-small), one per line. A capitalised word
# of the text whose lowercase form is here ("Police", "Reading", "Split") needs more evidence
# before it is taken for a place or a name. Licence: see ../LICENSES.md (SCOWL, Kevin Atkinson).
set -e
apt-get download wamerican-small
dpkg-deb -x wamerican-small_*.deb dict
grep -E "^[a-z]+$" dict/usr/share/dict/american-english-small | sort -u > common_words.txt
