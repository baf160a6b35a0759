#include "resultsgallery.h"
#include "imagedecode.h"

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
#include <QVBoxLayout>
#include <map>

namespace visor {
namespace {

constexpr int kThumb = 220;
constexpr double kCurveThreshold = 0.05; // as the evaluation: every detection from 0.05 counts for AP

QImage renderPrediction(const QString &path, const std::vector<Box> &truth,
                        const std::vector<train::DetectedBox> &predicted, const std::vector<bool> &predictedMatched,
                        const std::map<qint64, QString> &names, const QString &caption)
{
    QImage img = loadDisplayImage(path);
    if (img.isNull()) {
        img = QImage(kThumb, kThumb * 3 / 4, QImage::Format_RGB32);
        img.fill(QColor(120, 30, 30));
        return img;
    }
    const double scale = double(kThumb) / std::max(img.width(), img.height());
    QImage out =
        img.convertToFormat(QImage::Format_RGB32)
            .scaled(int(img.width() * scale), int(img.height() * scale), Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QPainter p(&out);
    p.setRenderHint(QPainter::Antialiasing);
    QFont f = p.font();
    f.setPixelSize(10);
    p.setFont(f);
    for (const Box &b : truth) { // ground truth: solid green
        p.setPen(QPen(QColor(25, 200, 84), 2));
        p.drawRect(QRectF(b.x1 * scale, b.y1 * scale, b.width() * scale, b.height() * scale));
    }
    for (size_t i = 0; i < predicted.size(); ++i) { // predictions: dashed, blue when right, red when not
        const auto &b = predicted[i];
        const QColor c = predictedMatched[i] ? QColor(50, 140, 255) : QColor(230, 40, 60);
        p.setPen(QPen(c, 2, Qt::DashLine));
        const QRectF r(b.x1 * scale, b.y1 * scale, (b.x2 - b.x1) * scale, (b.y2 - b.y1) * scale);
        p.drawRect(r);
        p.setPen(c);
        p.drawText(r.topLeft() + QPointF(2, -2), QStringLiteral("%1 %2").arg(b.className).arg(b.score, 0, 'f', 2));
    }
    if (!caption.isEmpty()) {
        p.fillRect(QRect(0, out.height() - 16, out.width(), 16), QColor(0, 0, 0, 150));
        p.setPen(Qt::white);
        p.drawText(QRect(4, out.height() - 16, out.width() - 8, 16), Qt::AlignVCenter | Qt::AlignLeft, caption);
    }
    Q_UNUSED(names);
    return out;
}

} // namespace

ResultsGallery::ResultsGallery(QWidget *parent) : QWidget(parent), m_job(this)
{
    m_list = new QListWidget;
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(QSize(kThumb, kThumb * 3 / 4));
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setUniformItemSizes(true);
    m_list->setSpacing(4);
    m_list->setToolTip(tr("Green: annotated objects · blue dashed: right predictions · red dashed: wrong ones.\n"
                          "Double-click to open the image in the annotator."));
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *i) { Q_EMIT openExample(i->data(Qt::UserRole).toLongLong()); });
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
    m_status = new QLabel;
    m_status->setWordWrap(true);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_errorsOnly);
    bar->addWidget(m_sort);
    bar->addWidget(m_accept);
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_status);
    layout->addWidget(m_list, 1);
}

ResultsGallery::~ResultsGallery() = default; // m_job cancels running predictions

void ResultsGallery::setProject(Project *project)
{
    m_project = project;
    m_accept->setVisible(project && project->kind() == DatasetKind::ObjectDetection);
    clear();
}

void ResultsGallery::clear()
{
    m_job.cancel();
    m_items.clear();
    m_curves.clear();
    m_list->clear();
    m_status->clear();
}

int ResultsGallery::errorCount() const
{
    return int(std::count_if(m_items.begin(), m_items.end(), [](const Item &i) { return i.error; }));
}

int ResultsGallery::visibleCount() const
{
    return m_list->count();
}

void ResultsGallery::setErrorsOnly(bool on)
{
    m_errorsOnly->setChecked(on);
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
    m_status->setText(tr("Predicting the test images of run %1…").arg(runId));
    const QString dir = m_project->dir();
    struct Outcome {
        std::vector<Item> items;
        std::vector<Curve> curves;
        QString message;
        double reportedThreshold = -1;
    };
    m_job.start(
        [=](const JobTracker::Cancelled &cancelled) {
            Outcome out;
            std::vector<Item> &items = out.items;
            std::vector<Curve> &curves = out.curves;
            QString &message = out.message;
            double &reportedThreshold = out.reportedThreshold;
            try {
                auto project = Project::open(dir); // this thread's own connection
                auto predictor = train::Predictor::open(*project, runId);
                const auto record = train::RunStore(*project).run(runId);
                const ParameterSet params =
                    ParameterSet::fromJson(record->parameters.value(QStringLiteral("parameters")).toObject());
                const double reported = params.toDouble(QStringLiteral("train.confidence_threshold"));
                const bool detection = predictor->detection();
                if (detection) {
                    predictor->setThreshold(kCurveThreshold);
                    reportedThreshold = reported;
                }
                std::map<QString, qint64> classIdOf;
                std::map<qint64, QString> nameOf;
                std::map<qint64, int> indexOf;
                for (const ClassInfo &c : project->classes()) {
                    classIdOf[c.name] = c.id;
                    nameOf[c.id] = c.name;
                    indexOf[c.id] = int(indexOf.size());
                }
                const auto boxes = detection ? project->allBoxes() : std::unordered_map<qint64, std::vector<Box>>();
                std::vector<eval::GroundTruth> truth;
                std::vector<eval::Detection> detections;
                int image = 0;
                for (const Example &e : project->examples()) {
                    if (e.split != Split::Test || !e.labelled)
                        continue;
                    if (cancelled())
                        return out;
                    const QString path = project->imagePath(e);
                    train::Prediction pr = predictor->predictFile(path);
                    Item item;
                    item.exampleId = e.id;
                    item.fileName = e.fileName;
                    if (detection) {
                        std::vector<Box> gt;
                        if (auto it = boxes.find(e.id); it != boxes.end())
                            gt = it->second;
                        for (const Box &b : gt)
                            truth.push_back({image, indexOf[b.classId], b.x1, b.y1, b.x2, b.y2, false});
                        std::vector<train::DetectedBox> shown;
                        for (const auto &d : pr.boxes) {
                            detections.push_back({image, d.label, d.score, d.x1, d.y1, d.x2, d.y2});
                            if (d.score >= reported)
                                shown.push_back(d);
                        }
                        // VOC-style matching at IoU 0.5, in score order: what the user sees as right or wrong.
                        std::vector<bool> taken(gt.size(), false), matched(shown.size(), false);
                        for (size_t i = 0; i < shown.size(); ++i) {
                            int best = -1;
                            double bestIou = 0.5;
                            for (size_t g = 0; g < gt.size(); ++g) {
                                if (taken[g] || classIdOf[shown[i].className] != gt[g].classId)
                                    continue;
                                const double v = eval::iou(shown[i].x1, shown[i].y1, shown[i].x2, shown[i].y2, gt[g].x1,
                                                           gt[g].y1, gt[g].x2, gt[g].y2);
                                if (v >= bestIou) {
                                    bestIou = v;
                                    best = int(g);
                                }
                            }
                            if (best >= 0) {
                                taken[size_t(best)] = true;
                                matched[i] = true;
                            } else {
                                item.unmatched.push_back(Box{0, classIdOf[shown[i].className], shown[i].x1, shown[i].y1,
                                                             shown[i].x2, shown[i].y2});
                            }
                            item.confidence = std::max(item.confidence, double(shown[i].score));
                        }
                        item.falsePositives = int(std::count(matched.begin(), matched.end(), false));
                        item.missed = int(std::count(taken.begin(), taken.end(), false));
                        item.error = item.falsePositives > 0 || item.missed > 0;
                        const QString caption =
                            item.error ? QCoreApplication::translate("visor::ResultsGallery", "%1 wrong, %2 missed")
                                             .arg(item.falsePositives)
                                             .arg(item.missed)
                                       : QString();
                        item.thumbnail = renderPrediction(path, gt, shown, matched, nameOf, caption);
                    } else {
                        item.truth = nameOf[e.classId];
                        item.predicted = pr.className;
                        item.confidence = pr.scores.empty() ? 0 : pr.scores.front().second;
                        item.error = !pr.error.isEmpty() || item.truth != item.predicted;
                        const QString caption =
                            item.error ? QCoreApplication::translate("visor::ResultsGallery", "%1, predicted %2 (%L3)")
                                             .arg(item.truth, item.predicted)
                                             .arg(item.confidence, 0, 'f', 2)
                                       : QCoreApplication::translate("visor::ResultsGallery", "%1 (%L2)")
                                             .arg(item.predicted)
                                             .arg(item.confidence, 0, 'f', 2);
                        item.thumbnail = renderPrediction(path, {}, {}, {}, nameOf, caption);
                    }
                    items.push_back(std::move(item));
                    ++image;
                }
                if (detection) {
                    const auto metrics = eval::detectionMetrics(truth, detections, int(indexOf.size()));
                    for (const auto &c : metrics.perClass) {
                        if (c.ap50 < 0)
                            continue;
                        QString name;
                        for (const auto &[id, index] : indexOf)
                            if (index == c.label)
                                name = nameOf[id];
                        curves.push_back({name, c.curve, c.ap50});
                    }
                }
            } catch (const std::exception &e) {
                message = QString::fromUtf8(e.what());
            }
            return out;
        },
        [this](Outcome out) {
            deliver(std::move(out.items), std::move(out.curves), out.message, out.reportedThreshold);
        });
}

void ResultsGallery::deliver(std::vector<Item> items, std::vector<Curve> curves, QString message, double reported)
{
    m_reported = reported;
    m_items = std::move(items);
    m_curves = std::move(curves);
    rebuild();
    if (!message.isEmpty())
        m_status->setText(tr("The run's predictions cannot be shown: %1").arg(message));
    Q_EMIT ready();
}

void ResultsGallery::rebuild()
{
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
    m_list->clear();
    for (const Item *i : shown) {
        auto *w = new QListWidgetItem(QIcon(QPixmap::fromImage(i->thumbnail)), i->fileName);
        w->setData(Qt::UserRole, i->exampleId);
        if (i->error)
            w->setForeground(QColor(176, 42, 55));
        m_list->addItem(w);
    }
    if (!m_items.empty())
        m_status->setText(m_reported >= 0
                              ? tr("%1 of %2 test images have errors at the reporting threshold %L3 "
                                   "(train.confidence_threshold; the mAP counts every score from 0.05); %4 shown.")
                                    .arg(errorCount())
                                    .arg(m_items.size())
                                    .arg(m_reported, 0, 'f', 2)
                                    .arg(m_list->count())
                              : tr("%1 of %2 test images are misclassified; %3 shown.")
                                    .arg(errorCount())
                                    .arg(m_items.size())
                                    .arg(m_list->count()));
}

int ResultsGallery::acceptPredictions(qint64 exampleId)
{
    if (!m_project)
        return 0;
    for (Item &i : m_items)
        if (i.exampleId == exampleId) {
            int added = 0;
            for (const Box &b : i.unmatched)
                if (b.classId > 0) {
                    m_project->addBox(exampleId, b);
                    ++added;
                }
            i.unmatched.clear();
            m_status->setText(
                tr("%n prediction(s) of %1 added as annotations; check them in the annotator.", nullptr, added)
                    .arg(i.fileName));
            Q_EMIT annotationsChanged();
            return added;
        }
    return 0;
}

} // namespace visor
