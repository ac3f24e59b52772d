#!/usr/bin/env python3
"""Copies the access-pattern table from lib/store/keys.ts into docs/data-model.md (test/unit/docs checks they match)."""
import re
src = open('lib/store/keys.ts').read()
start = src.index(' * | access pattern')
table = '\n'.join(l[3:] for l in src[start:src.index(' */', start)].splitlines())
doc = open('docs/data-model.md').read()
doc = re.sub(r'(<!-- access-patterns:start -->\n).*?(<!-- access-patterns:end -->)', lambda m: m.group(1) + table + '\n' + m.group(2), doc, flags=re.S)
open('docs/data-model.md', 'w').write(doc)
