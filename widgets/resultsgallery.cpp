#include "resultsgallery.h"
#include "imagedecode.h"
#include "labelchip.h"

#include "eval/metrics.h"
#include "project/project.h"
#include "train/inference.h"
#include "train/runs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>
#include <cmath>
#include <map>

namespace visor {
namespace {

constexpr int kThumb = 220;
const QColor kTruthColor(25, 200, 84), kRightColor(50, 140, 255), kWrongColor(230, 40, 60);

QImage placeholder()
{
    QImage img(kThumb, kThumb * 3 / 4, QImage::Format_RGB32);
    img.fill(QColor(120, 30, 30));
    return img;
}

// The tile: the image with the annotated objects (solid green) and the predictions at the threshold
// (dashed, blue when right, red when not, with a label chip), and the caption in a band at the bottom,
// elided to the tile's width.
QImage renderTile(const QImage &base, double scale, const std::vector<Box> &truth,
                  const std::vector<ShownPrediction> &shown, const std::map<qint64, QString> &names,
                  const QString &caption)
{
    QImage out = base.isNull() ? placeholder() : base.copy();
    QPainter p(&out);
    p.setRenderHint(QPainter::Antialiasing);
    for (const Box &b : truth) {
        p.setPen(QPen(kTruthColor, 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(b.x1 * scale, b.y1 * scale, b.width() * scale, b.height() * scale));
    }
    for (const ShownPrediction &s : shown) {
        const QColor c = s.right ? kRightColor : kWrongColor;
        const QRectF r(s.box.x1 * scale, s.box.y1 * scale, s.box.width() * scale, s.box.height() * scale);
        p.setPen(QPen(c, 2, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(r);
        const auto name = names.find(s.box.classId);
        drawLabelChip(p, r.topLeft(),
                      QStringLiteral("%1 %2")
                          .arg(name != names.end() ? name->second : QString())
                          .arg(QLocale().toString(s.score, 'f', 2)),
                      c, 1, 7);
    }
    if (!caption.isEmpty()) {
        QFont f = p.font();
        f.setPixelSize(11);
        p.setFont(f);
        const int band = 17;
        p.fillRect(QRect(0, out.height() - band, out.width(), band), QColor(0, 0, 0, 170));
        p.setPen(Qt::white);
        p.drawText(QRect(4, out.height() - band, out.width() - 8, band), Qt::AlignVCenter | Qt::AlignLeft,
                   QFontMetrics(f).elidedText(caption, Qt::ElideRight, out.width() - 8));
    }
    return out;
}

} // namespace

ResultsGallery::ResultsGallery(QWidget *parent) : QWidget(parent), m_job(this)
{
    m_list = new QListWidget;
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(QSize(kThumb, kThumb * 3 / 4));
    m_list->setGridSize(QSize(kThumb + 12, kThumb * 3 / 4 + 28)); // room for the file name under the tile
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_list->setWordWrap(false);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setUniformItemSizes(true);
    m_list->setToolTip(tr("Double-click to open the image in the annotator, with the predictions shown; next and "
                          "previous step through the errors."));
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *i) {
        // Next and previous step through the errors (in the gallery's order), from the image opened.
        const qint64 opened = i->data(Qt::UserRole).toLongLong();
        std::vector<qint64> ids;
        for (qint64 id : shownIds())
            if (id == opened || (item(id) && item(id)->error))
                ids.push_back(id);
        const auto at = std::find(ids.begin(), ids.end(), opened);
        if (at != ids.end())
            Q_EMIT openExamples(ids, int(at - ids.begin()));
    });
    connect(m_list, &QListWidget::currentItemChanged, this, [this] { updateAccept(); });
    m_errorsOnly = new QCheckBox(tr("Errors only"));
    connect(m_errorsOnly, &QCheckBox::toggled, this, [this] { rebuild(); });
    m_sort = new QComboBox;
    m_sort->addItem(tr("Least confident first"));
    m_sort->addItem(tr("Most confident first"));
    m_sort->addItem(tr("File name"));
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    m_accept = new QPushButton(tr("Accept predictions as annotations"));
    m_accept->setToolTip(tr("Adds the selected image's predictions that match no annotated object as boxes; "
                            "check them in the annotator"));
    connect(m_accept, &QPushButton::clicked, this, [this] {
        if (auto *i = m_list->currentItem())
            acceptPredictions(i->data(Qt::UserRole).toLongLong());
    });

    // The confidence threshold: predictions at or above it are the model's answer.
    m_slider = new QSlider(Qt::Horizontal);
    m_slider->setObjectName(QStringLiteral("threshold"));
    m_slider->setRange(5, 99);
    m_slider->setMinimumWidth(160);
    m_slider->setToolTip(tr("Predictions at or above this confidence count as the model's answer"));
    m_thresholdText = new QLabel;
    m_redraw.setSingleShot(true);
    m_redraw.setInterval(30);
    connect(&m_redraw, &QTimer::timeout, this, [this] {
        decide();
        rebuild();
    });
    connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
        m_threshold = v / 100.0;
        showThreshold();
        m_redraw.start();
    });
    m_thresholdRow = new QWidget;
    auto *thresholdLayout = new QHBoxLayout(m_thresholdRow);
    thresholdLayout->setContentsMargins(0, 0, 0, 0);
    thresholdLayout->addWidget(new QLabel(tr("Confidence threshold:")));
    thresholdLayout->addWidget(m_slider, 1);
    thresholdLayout->addWidget(m_thresholdText);

    m_legend = new QLabel(
        tr("<span style=\"color:%1\">■</span> annotated object &nbsp; <span style=\"color:%2\">■</span> right "
           "prediction &nbsp; <span style=\"color:%3\">■</span> wrong prediction (dashed)")
            .arg(kTruthColor.name(), kRightColor.name(), kWrongColor.name()));
    m_status = new QLabel;
    m_status->setWordWrap(true);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_errorsOnly);
    bar->addWidget(m_sort);
    bar->addWidget(m_thresholdRow, 1);
    bar->addWidget(m_accept);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_legend);
    layout->addWidget(m_status);
    layout->addWidget(m_list, 1);
    setProject(nullptr);
}

ResultsGallery::~ResultsGallery() = default; // m_job cancels a running read

void ResultsGallery::setProject(Project *project)
{
    m_project = project;
    m_detection = project && project->kind() == DatasetKind::ObjectDetection;
    m_accept->setVisible(m_detection);
    m_thresholdRow->setVisible(m_detection);
    m_legend->setVisible(m_detection);
    clear();
}

void ResultsGallery::clear()
{
    m_job.cancel();
    m_redraw.stop();
    m_entries.clear();
    m_items.clear();
    m_list->clear();
    m_status->clear();
    m_note.clear();
    m_runId = 0;
    updateAccept();
}

int ResultsGallery::errorCount() const
{
    return int(std::count_if(m_items.begin(), m_items.end(), [](const Item &i) { return i.error; }));
}

int ResultsGallery::visibleCount() const
{
    return m_list->count();
}

std::vector<qint64> ResultsGallery::shownIds() const
{
    std::vector<qint64> ids;
    for (int i = 0; i < m_list->count(); ++i)
        ids.push_back(m_list->item(i)->data(Qt::UserRole).toLongLong());
    return ids;
}

const ResultsGallery::Item *ResultsGallery::item(qint64 exampleId) const
{
    for (const Item &i : m_items)
        if (i.exampleId == exampleId)
            return &i;
    return nullptr;
}

void ResultsGallery::setErrorsOnly(bool on)
{
    m_errorsOnly->setChecked(on);
}

void ResultsGallery::setThreshold(double threshold)
{
    m_slider->setValue(int(std::lround(std::clamp(threshold, 0.0, 1.0) * 100)));
    m_redraw.stop(); // at once, for whoever asked
    decide();
    rebuild();
}

QSet<qint64> ResultsGallery::errorIds() const
{
    QSet<qint64> ids;
    for (const Item &i : m_items)
        if (i.error)
            ids.insert(i.exampleId);
    return ids;
}

void ResultsGallery::showRun(qint64 runId)
{
    clear();
    m_runId = runId;
    if (!m_project || !runId)
        return;
    m_status->setText(tr("Reading the test predictions of run %1…").arg(runId));
    const QString dir = m_project->dir();
    struct Outcome {
        std::vector<Entry> entries;
        QString message;
        double reported = -1, bestF1 = -1;
        bool evaluatedNow = false;
    };
    m_job.start(
        [=](const JobTracker::Cancelled &cancelled) {
            Outcome out;
            try {
                auto project = Project::open(dir, Project::OpenMode::ReadOnly); // this thread's own connection
                const auto record = train::RunStore(*project).run(runId);
                if (!record)
                    throw Error(
                        QCoreApplication::translate("visor::ResultsGallery", "run %1 does not exist").arg(runId));
                const ParameterSet params =
                    ParameterSet::fromJson(record->parameters.value(QStringLiteral("parameters")).toObject());
                out.reported = params.toDouble(QStringLiteral("train.confidence_threshold"));
                out.bestF1 = record->metrics.value(QStringLiteral("best_f1_threshold")).toDouble(-1);
                QString error;
                std::optional<train::TestPredictions> stored = train::loadTestPredictions(record->folder, &error);
                if (!stored) {
                    // A run trained before the predictions were stored (or whose file is damaged): the
                    // trainer's own evaluation, once, and stored for the next time.
                    train::TestPredictions evaluated;
                    const QJsonObject metrics = train::evaluateRun(*project, runId, Split::Test, &evaluated);
                    out.bestF1 = metrics.value(QStringLiteral("best_f1_threshold")).toDouble(out.bestF1);
                    try {
                        train::saveTestPredictions(record->folder, evaluated);
                    } catch (const std::exception &) { // a read-only folder: shown all the same
                    }
                    stored = std::move(evaluated);
                    out.evaluatedNow = true;
                    if (!error.isEmpty())
                        out.message = error;
                }
                std::map<qint64, Example> examples;
                for (const Example &e : project->examples())
                    examples[e.id] = e;
                const auto boxes =
                    stored->detection ? project->allBoxes() : std::unordered_map<qint64, std::vector<Box>>();
                for (train::ImagePredictions &p : stored->images) {
                    if (cancelled())
                        return out;
                    const auto e = examples.find(p.exampleId);
                    if (e == examples.end())
                        continue; // deleted since the run
                    Entry entry;
                    entry.exampleId = p.exampleId;
                    entry.fileName = e->second.fileName;
                    entry.truthClass = e->second.classId;
                    if (auto b = boxes.find(p.exampleId); b != boxes.end())
                        entry.truth = b->second;
                    const QImage image = loadDisplayImage(project->imagePath(e->second));
                    if (!image.isNull()) {
                        entry.scale = double(kThumb) / std::max(image.width(), image.height());
                        entry.base = image.convertToFormat(QImage::Format_RGB32)
                                         .scaled(int(image.width() * entry.scale), int(image.height() * entry.scale),
                                                 Qt::KeepAspectRatio, Qt::SmoothTransformation);
                    }
                    std::stable_sort(
                        p.boxes.begin(), p.boxes.end(),
                        [](const train::StoredBox &a, const train::StoredBox &b) { return a.score > b.score; });
                    entry.predicted = std::move(p);
                    out.entries.push_back(std::move(entry));
                }
            } catch (const std::exception &e) {
                out.message = QString::fromUtf8(e.what());
                out.entries.clear();
            }
            return out;
        },
        [this](Outcome out) {
            deliver(std::move(out.entries), out.message, out.reported, out.bestF1, out.evaluatedNow);
        });
}

void ResultsGallery::deliver(std::vector<Entry> entries, QString message, double reported, double bestF1,
                             bool evaluatedNow)
{
    m_entries = std::move(entries);
    m_reported = reported;
    m_bestF1 = bestF1;
    m_classNames.clear();
    if (m_project)
        for (const ClassInfo &c : m_project->classes())
            m_classNames[c.id] = c.name;
    m_note = evaluatedNow ? tr("This run was trained before Visor stored its test predictions: they were computed "
                               "now by the same evaluation and stored.")
                          : QString();
    if (!message.isEmpty() && m_entries.empty())
        m_note = tr("The run's predictions cannot be shown: %1").arg(message);
    else if (!message.isEmpty())
        m_note += QStringLiteral(" ") + message;
    // The slider starts at the run's best-F1 threshold (the reporting threshold when there is none).
    {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(int(std::lround(std::clamp(bestF1 >= 0     ? bestF1
                                                      : reported >= 0 ? reported
                                                                      : 0.5,
                                                      0.05, 0.99) *
                                           100)));
    }
    m_threshold = m_slider->value() / 100.0;
    showThreshold();
    decide();
    rebuild();
    Q_EMIT ready();
}

void ResultsGallery::showThreshold()
{
    m_thresholdText->setText(m_bestF1 >= 0
                                 ? tr("%L1 (best F1 at %L2)").arg(m_threshold, 0, 'f', 2).arg(m_bestF1, 0, 'f', 2)
                                 : QLocale().toString(m_threshold, 'f', 2));
}

void ResultsGallery::decide()
{
    m_items.clear();
    for (const Entry &e : m_entries) {
        Item item;
        item.exampleId = e.exampleId;
        item.fileName = e.fileName;
        QString caption;
        if (m_detection) {
            // Right and wrong as the metrics count them: the engine's VOC matching at IoU 0.5 of the
            // predictions above the threshold (stored by descending score).
            std::map<qint64, int> label; // class ids as the matcher's labels
            std::vector<eval::GroundTruth> truth;
            for (const Box &b : e.truth)
                truth.push_back(
                    {0, label.emplace(b.classId, int(label.size())).first->second, b.x1, b.y1, b.x2, b.y2, false});
            std::vector<eval::Detection> shownDetections;
            for (const train::StoredBox &s : e.predicted.boxes) {
                if (s.score < m_threshold)
                    break; // by descending score
                shownDetections.push_back(
                    {0, label.emplace(s.classId, int(label.size())).first->second, s.score, s.x1, s.y1, s.x2, s.y2});
            }
            const std::vector<int> match = eval::matchDetections(truth, shownDetections, 0.5);
            std::vector<bool> taken(e.truth.size(), false);
            for (size_t k = 0; k < shownDetections.size(); ++k) {
                const train::StoredBox &s = e.predicted.boxes[k];
                ShownPrediction shown;
                shown.box = Box{0, s.classId, s.x1, s.y1, s.x2, s.y2};
                shown.score = s.score;
                if (match[k] >= 0) {
                    taken[size_t(match[k])] = true;
                    shown.right = true;
                } else {
                    item.unmatched.push_back(shown.box);
                    ++item.falsePositives;
                }
                item.confidence = std::max(item.confidence, double(s.score));
                item.shown.push_back(shown);
            }
            item.missed = int(std::count(taken.begin(), taken.end(), false));
            item.error = item.falsePositives > 0 || item.missed > 0;
            if (item.error)
                caption = tr("%1 wrong, %2 missed").arg(item.falsePositives).arg(item.missed);
        } else {
            item.truth = m_classNames.count(e.truthClass) ? m_classNames[e.truthClass] : QString();
            item.predicted = m_classNames.count(e.predicted.classId) ? m_classNames[e.predicted.classId] : QString();
            item.confidence = e.predicted.score;
            item.error = e.truthClass != e.predicted.classId;
            caption = item.error
                          ? tr("%1, predicted %2 (%L3)").arg(item.truth, item.predicted).arg(item.confidence, 0, 'f', 2)
                          : tr("%1 (%L2)").arg(item.predicted).arg(item.confidence, 0, 'f', 2);
        }
        item.thumbnail =
            renderTile(e.base, e.scale, m_detection ? e.truth : std::vector<Box>(), item.shown, m_classNames, caption);
        m_items.push_back(std::move(item));
    }
}

void ResultsGallery::rebuild()
{
    const qint64 current = m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toLongLong() : 0;
    std::vector<const Item *> shown;
    for (const Item &i : m_items)
        if (!m_errorsOnly->isChecked() || i.error)
            shown.push_back(&i);
    const int sort = m_sort->currentIndex();
    std::stable_sort(shown.begin(), shown.end(), [sort](const Item *a, const Item *b) {
        if (sort == 0)
            return a->confidence < b->confidence;
        if (sort == 1)
            return a->confidence > b->confidence;
        return a->fileName < b->fileName;
    });
    {
        const QSignalBlocker block(m_list);
        m_list->clear();
        for (const Item *i : shown) {
            auto *w = new QListWidgetItem(QIcon(QPixmap::fromImage(i->thumbnail)), i->fileName);
            w->setData(Qt::UserRole, i->exampleId);
            w->setToolTip(i->fileName);
            if (i->error)
                w->setForeground(QColor(176, 42, 55));
            m_list->addItem(w);
            if (i->exampleId == current)
                m_list->setCurrentItem(w);
        }
    }
    QString text;
    if (!m_items.empty())
        text = m_detection ? tr("%1 of %2 test images have errors at confidence %L3; %4 shown. The run reports "
                                "predictions from %L5 (train.confidence_threshold).")
                                 .arg(errorCount())
                                 .arg(m_items.size())
                                 .arg(m_threshold, 0, 'f', 2)
                                 .arg(m_list->count())
                                 .arg(m_reported, 0, 'f', 2)
                           : tr("%1 of %2 test images are misclassified; %3 shown.")
                                 .arg(errorCount())
                                 .arg(m_items.size())
                                 .arg(m_list->count());
    else if (m_runId && m_note.isEmpty() && !m_job.running())
        text = tr("Run %1 has no test images.").arg(m_runId);
    m_status->setText(m_note.isEmpty() ? text : text.isEmpty() ? m_note : text + QStringLiteral(" ") + m_note);
    updateAccept();
}

void ResultsGallery::updateAccept()
{
    const Item *current =
        m_list->currentItem() ? item(m_list->currentItem()->data(Qt::UserRole).toLongLong()) : nullptr;
    const int n = current ? int(current->unmatched.size()) : 0;
    m_accept->setEnabled(n > 0);
    m_accept->setText(n > 0 ? tr("Accept %n prediction(s) as annotations", nullptr, n)
                            : tr("Accept predictions as annotations"));
}

int ResultsGallery::acceptPredictions(qint64 exampleId)
{
    if (!m_project)
        return 0;
    for (Item &i : m_items)
        if (i.exampleId == exampleId) {
            const QString fileName = i.fileName;
            const std::vector<Box> unmatched = i.unmatched; // `i` goes with decide()
            int added = 0;
            for (const Box &b : unmatched)
                if (b.classId > 0) {
                    m_project->addBox(exampleId, b);
                    ++added;
                }
            // They are annotations now: the entry's truth has them, so they read as right.
            for (Entry &e : m_entries)
                if (e.exampleId == exampleId)
                    for (const Box &b : unmatched)
                        if (b.classId > 0)
                            e.truth.push_back(b);
            decide();
            rebuild();
            m_status->setText(
                tr("%n prediction(s) of %1 added as annotations; check them in the annotator.", nullptr, added)
                    .arg(fileName));
            Q_EMIT annotationsChanged();
            return added;
        }
    return 0;
}

} // namespace visor
