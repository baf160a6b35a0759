<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>visor::Advisor</name>
    <message numerus="yes">
        <location filename="../engine/advise/advisor.cpp" line="+419" />
        <source>Pyramid levels %1: %n level(s) that no box needs are dropped, which makes every step faster.</source>
        <translation>
            <numerusform>Pyramid levels %1: %n level that no box needs is dropped, which makes every step faster.</numerusform>
            <numerusform>Pyramid levels %1: %n levels that no box needs are dropped, which makes every step faster.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>visor::AnnotationDocument</name>
    <message numerus="yes">
        <location filename="../widgets/annotationdocument.cpp" line="+221" />
        <source>Accept %n proposal(s)</source>
        <translation>
            <numerusform>Accept %n proposal</numerusform>
            <numerusform>Accept %n proposals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>visor::AnnotationPage</name>
    <message numerus="yes">
        <location filename="../widgets/annotationpage.cpp" line="+291" />
        <source>%n box(es)</source>
        <translation>
            <numerusform>%n box</numerusform>
            <numerusform>%n boxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13" />
        <source> · model: %n prediction(s)</source>
        <translation>
            <numerusform> · model: %n prediction</numerusform>
            <numerusform> · model: %n predictions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>, %n wrong (red, dashed)</source>
        <translation>
            <numerusform>, %n wrong (red, dashed)</numerusform>
            <numerusform>, %n wrong (red, dashed)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+72" />
        <source>&lt;b&gt;%n proposal(s)&lt;/b&gt; from a model</source>
        <translation>
            <numerusform>&lt;b&gt;%n proposal&lt;/b&gt; from a model</numerusform>
            <numerusform>&lt;b&gt;%n proposals&lt;/b&gt; from a model</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>, %n shown (dotted) · Enter accepts · Shift+Enter all · Del rejects · Tab next · P next image</source>
        <translation>
            <numerusform>, %n shown (dotted) · Enter accepts · Shift+Enter all · Del rejects · Tab next · P next image</numerusform>
            <numerusform>, %n shown (dotted) · Enter accepts · Shift+Enter all · Del rejects · Tab next · P next image</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>visor::AugmentationPage</name>
    <message numerus="yes">
        <location filename="../widgets/augmentationpage.cpp" line="+228" />
        <source> · %n box(es) dropped</source>
        <translation>
            <numerusform> · %n box dropped</numerusform>
            <numerusform> · %n boxes dropped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>visor::Augmenter</name>
    <message numerus="yes">
        <location filename="../engine/augment/augmenter.cpp" line="+211" />
        <source>%n box(es) dropped</source>
        <translation>
            <numerusform>%n box dropped</numerusform>
            <numerusform>%n boxes dropped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>visor::ClassManager</name>
    <message numerus="yes">
        <location filename="../widgets/classmanager.cpp" line="+62" />
        <source>%n annotation(s) use this class. Delete the class and those annotations?</source>
        <translation>
            <numerusform>%n annotation uses this class. Delete the class and that annotation?</numerusform>
            <numerusform>%n annotations use this class. Delete the class and those annotations?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+31" />
        <source>%1 — %n annotation(s)</source>
        <translation>
            <numerusform>%1 — %n annotation</numerusform>
            <numerusform>%1 — %n annotations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>visor::DatasetModel</name>
    <message numerus="yes">
        <location filename="../widgets/datasetmodel.cpp" line="+149" />
        <source>
%n box(es): %1</source>
        <translation>
            <numerusform>
%n box: %1</numerusform>
            <numerusform>
%n boxes: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>visor::DatasetPage</name>
    <message numerus="yes">
        <location filename="../widgets/datasetpage.cpp" line="+163" />
        <source>Showing the %n example(s) of: %1</source>
        <translation>
            <numerusform>Showing the %n example of: %1</numerusform>
            <numerusform>Showing the %n examples of: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+249" />
        <source>%n example(s) pinned.</source>
        <translation>
            <numerusform>%n example pinned.</numerusform>
            <numerusform>%n examples pinned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13" />
        <source>Delete %n example(s)…</source>
        <translation>
            <numerusform>Delete %n example…</numerusform>
            <numerusform>Delete %n examples…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9" />
        <source>Delete %n example(s) and their annotations from the project? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n example and its annotations from the project? This cannot be undone.</numerusform>
            <numerusform>Delete %n examples and their annotations from the project? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7" />
        <source>%n example(s) deleted.</source>
        <translation>
            <numerusform>%n example deleted.</numerusform>
            <numerusform>%n examples deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+141" />
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+38" />
        <source>Imported %n example(s)</source>
        <translation>
            <numerusform>Imported %n example</numerusform>
            <numerusform>Imported %n examples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source> with %n box(es)</source>
        <translation>
            <numerusform> with %n box</numerusform>
            <numerusform> with %n boxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>; %n image(s) skipped</source>
        <translation>
            <numerusform>; %n image skipped</numerusform>
            <numerusform>; %n images skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>, %n duplicate(s).</source>
        <translation>
            <numerusform>, %n duplicate.</numerusform>
            <numerusform>, %n duplicates.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+30" />
        <source>%n generated example(s)</source>
        <translation>
            <numerusform>%n generated example</numerusform>
            <numerusform>%n generated examples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+44" />
        <source>Exported %n example(s) to %1.</source>
        <translation>
            <numerusform>Exported %n example to %1.</numerusform>
            <numerusform>Exported %n examples to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n example(s) were not exported because their image is missing from the project:
%1</source>
        <translation>
            <numerusform>%n example was not exported because its image is missing from the project:
%1</numerusform>
            <numerusform>%n examples were not exported because their image is missing from the project:
%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>visor::GenerateDialog</name>
    <message numerus="yes">
        <location filename="../widgets/generatedialog.cpp" line="+249" />
        <source>%1 × %2 px · %n box(es): %3</source>
        <translation>
            <numerusform>%1 × %2 px · %n box: %3</numerusform>
            <numerusform>%1 × %2 px · %n boxes: %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>visor::Import</name>
    <message numerus="yes">
        <location filename="../engine/formats/importer.cpp" line="+118" />
        <source>%1 holds %n image(s) but no annotations Visor reads (it looked for %2)</source>
        <translation>
            <numerusform>%1 holds %n image but no annotations Visor reads (it looked for %2)</numerusform>
            <numerusform>%1 holds %n images but no annotations Visor reads (it looked for %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+143" />
        <source> (its %n box(es) not imported)</source>
        <translation>
            <numerusform> (its %n box not imported)</numerusform>
            <numerusform> (its %n boxes not imported)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+272" />
        <source>none of the %n file(s) is an image Visor can import</source>
        <translation>
            <numerusform>the file is not an image Visor can import</numerusform>
            <numerusform>none of the %n files is an image Visor can import</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>visor::ModelExport</name>
    <message numerus="yes">
        <location filename="../engine/train/modelexport.cpp" line="+417" />
        <source>Parity on %n image(s) (OpenCV dnn against LibTorch):</source>
        <translation>
            <numerusform>Parity on %n image (OpenCV dnn against LibTorch):</numerusform>
            <numerusform>Parity on %n images (OpenCV dnn against LibTorch):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>visor::Project</name>
    <message numerus="yes">
        <location filename="../engine/project/project.cpp" line="+579" />
        <source>class '%1' is used by %n annotation(s); delete them too or relabel them first</source>
        <translation>
            <numerusform>class '%1' is used by %n annotation; delete it too or relabel it first</numerusform>
            <numerusform>class '%1' is used by %n annotations; delete them too or relabel them first</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>visor::ResultsGallery</name>
    <message numerus="yes">
        <location filename="../widgets/resultsgallery.cpp" line="+475" />
        <source>Accept %n prediction(s) as annotations</source>
        <translation>
            <numerusform>Accept %n prediction as an annotation</numerusform>
            <numerusform>Accept %n predictions as annotations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27" />
        <source>%n prediction(s) of %1 added as annotations; check them in the annotator.</source>
        <translation>
            <numerusform>%n prediction of %1 added as an annotation; check it in the annotator.</numerusform>
            <numerusform>%n predictions of %1 added as annotations; check them in the annotator.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>visor::RunAdvice</name>
    <message numerus="yes">
        <location filename="../engine/advise/runadvice.cpp" line="+77" />
        <source>Unstable: in the first epochs the loss rose %1% above the first epoch's and changed direction sharply %n time(s). Lower optimizer.learning_rate, e.g. from %3 to %4.</source>
        <translation>
            <numerusform>Unstable: in the first epochs the loss rose %1% above the first epoch's and changed direction sharply %n time. Lower optimizer.learning_rate, e.g. from %3 to %4.</numerusform>
            <numerusform>Unstable: in the first epochs the loss rose %1% above the first epoch's and changed direction sharply %n times. Lower optimizer.learning_rate, e.g. from %3 to %4.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>visor::Statistics</name>
    <message numerus="yes">
        <location filename="../engine/project/statistics.cpp" line="+189" />
        <source>%n example(s) have lost their image file in images/ (%2%3): training, evaluation and export leave them out; restore the files or delete the examples.</source>
        <translation>
            <numerusform>%n example has lost its image file in images/ (%2%3): training, evaluation and export leave it out; restore the file or delete the example.</numerusform>
            <numerusform>%n examples have lost their image file in images/ (%2%3): training, evaluation and export leave them out; restore the files or delete the examples.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+137" />
        <source>Class '%1' has %n example(s) but none in the training split; the model cannot learn it.</source>
        <translation>
            <numerusform>Class '%1' has %n example but none in the training split; the model cannot learn it.</numerusform>
            <numerusform>Class '%1' has %n examples but none in the training split; the model cannot learn it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+52" />
        <source>%n box(es) will be smaller than %3 px after resizing to the input resolution (shorter side %4, longer side at most %5); the network may not see them. Raise input.min_side / input.max_side or crop. Images concerned: %2.</source>
        <translation>
            <numerusform>%n box will be smaller than %3 px after resizing to the input resolution (shorter side %4, longer side at most %5); the network may not see it. Raise input.min_side / input.max_side or crop. Images concerned: %2.</numerusform>
            <numerusform>%n boxes will be smaller than %3 px after resizing to the input resolution (shorter side %4, longer side at most %5); the network may not see them. Raise input.min_side / input.max_side or crop. Images concerned: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+19" />
        <source>%n box(es) cover more than %3% of their image; such boxes teach little about where the object is (is this a classification task?). Images concerned: %2.</source>
        <translation>
            <numerusform>%n box covers more than %3% of its image; such a box teaches little about where the object is (is this a classification task?). Images concerned: %2.</numerusform>
            <numerusform>%n boxes cover more than %3% of their image; such boxes teach little about where the object is (is this a classification task?). Images concerned: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+38" />
        <source>%n group(s) of near-duplicate images (%2 images in all, perceptual hashes within %3 bits); they add little and inflate the apparent data set size.</source>
        <translation>
            <numerusform>%n group of near-duplicate images (%2 images in all, perceptual hashes within %3 bits); it adds little and inflates the apparent data set size.</numerusform>
            <numerusform>%n groups of near-duplicate images (%2 images in all, perceptual hashes within %3 bits); they add little and inflate the apparent data set size.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15" />
        <source>%n group(s) of near-duplicate images sit in different splits, so validation and test partly measure memory; pin each group to one split.</source>
        <translation>
            <numerusform>%n group of near-duplicate images sits in different splits, so validation and test partly measure memory; pin the group to one split.</numerusform>
            <numerusform>%n groups of near-duplicate images sit in different splits, so validation and test partly measure memory; pin each group to one split.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>visor::Trainer</name>
    <message numerus="yes">
        <location filename="../engine/train/trainer.cpp" line="+504" />
        <source>stopped early after epoch %1: no improvement of %2 for %n epoch(s)</source>
        <translation>
            <numerusform>stopped early after epoch %1: no improvement of %2 for %n epoch</numerusform>
            <numerusform>stopped early after epoch %1: no improvement of %2 for %n epochs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+46" />
        <source>ran the %n epoch(s) of train.epochs</source>
        <translation>
            <numerusform>ran the %n epoch of train.epochs</numerusform>
            <numerusform>ran the %n epochs of train.epochs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+36" />
        <source>%n example(s) left out, their image missing or unreadable (first: %1)</source>
        <translation>
            <numerusform>%n example left out, its image missing or unreadable (first: %1)</numerusform>
            <numerusform>%n examples left out, their image missing or unreadable (first: %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>visor::TrainingDashboard</name>
    <message numerus="yes">
        <location filename="../widgets/trainingdashboard.cpp" line="+159" />
        <source>Run %1 (%2): %n epoch(s).</source>
        <translation>
            <numerusform>Run %1 (%2): %n epoch.</numerusform>
            <numerusform>Run %1 (%2): %n epochs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+104" />
        <source>Cancelled after %n epoch(s); the last checkpoint is kept.</source>
        <translation>
            <numerusform>Cancelled after %n epoch; the last checkpoint is kept.</numerusform>
            <numerusform>Cancelled after %n epochs; the last checkpoint is kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>Run %1 done after %n epoch(s) in %3 s (best epoch %4).</source>
        <translation>
            <numerusform>Run %1 done after %n epoch in %3 s (best epoch %4).</numerusform>
            <numerusform>Run %1 done after %n epochs in %3 s (best epoch %4).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>visor::TrainingPage</name>
    <message numerus="yes">
        <location filename="../widgets/trainingpage.cpp" line="+244" />
        <source>%n suggested setting(s) applied.</source>
        <translation>
            <numerusform>%n suggested setting applied.</numerusform>
            <numerusform>%n suggested settings applied.</numerusform>
        </translation>
    </message>
</context>
</TS>