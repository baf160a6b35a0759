#!/usr/bin/env python3
# Fills the English plural catalogue (translations/visor_en.ts, made by `lupdate -pluralonly`): sources
# say "%n box(es)"; English needs "1 box" and "2 boxes". The singular drops "(s)"/"(es)" (with the verbs
# and pronouns that agree, from the table), the plural keeps the letters. Only unfinished entries are
# filled, so corrections by hand stay; --refill redoes every entry. `make translations` runs it.
import sys, xml.etree.ElementTree as ET
path = sys.argv[1]
refill = '--refill' in sys.argv
tree = ET.parse(path)
special = {  # singular fixes after the mechanical one
    "use this class": "uses this class",
    "have lost their image file in images/ (%2%3): training, evaluation and export leave them out; restore the files or delete the examples.":
        "has lost its image file in images/ (%2%3): training, evaluation and export leave it out; restore the file or delete the example.",
    "cover more than %3% of their image; such boxes teach little": "covers more than %3% of its image; such a box teaches little",
    "sit in different splits, so validation and test partly measure memory; pin each group to one split.":
        "sits in different splits, so validation and test partly measure memory; pin the group to one split.",
    "the network may not see them.": "the network may not see it.",
    "that no box needs are dropped": "that no box needs is dropped",
    "and their annotations from the project": "and its annotations from the project",
    "delete them too or relabel them first": "delete it too or relabel it first",
    "none of the %n file is an image Visor can import": "the file is not an image Visor can import",
    "left out, their image missing": "left out, its image missing",
    "added as annotations; check them": "added as an annotation; check it",
    "Delete the class and those annotations?": "Delete the class and that annotation?",
    "were not exported because their image is missing": "was not exported because its image is missing",
    "prediction as annotations": "prediction as an annotation",
    "bits); they add little and inflate": "bits); it adds little and inflates",
}
count = 0
for message in tree.iter('message'):
    if message.get('numerus') != 'yes':
        continue
    source = message.find('source').text
    translation = message.find('translation')
    if translation.get('type') != 'unfinished' and not refill:
        continue  # filled before (perhaps by hand): kept
    forms = translation.findall('numerusform')
    singular = source.replace('(es)', '').replace('(s)', '')
    for a, b in special.items():
        singular = singular.replace(a, b)
    plural = source.replace('(es)', 'es').replace('(s)', 's')
    for f in forms:
        translation.remove(f)
    for text in (singular, plural):
        e = ET.SubElement(translation, 'numerusform')
        e.text = text
    translation.attrib.pop('type', None)
    count += 1
tree.write(path, encoding='utf-8', xml_declaration=True)
print('filled', count)
