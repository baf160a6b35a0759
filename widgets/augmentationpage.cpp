#include "augmentationpage.h"
#include "formats/imageinfo.h"
#include "imagedecode.h"
#include "parametereditor.h"
#include "shortcuts.h"

#include "augment/augmenter.h"
#include "project/project.h"

#include <QAction>
#include <QCheckBox>
#include <QCoreApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace visor {

struct AugmentationPage::Result {
    std::vector<QImage> images;
    QStringList captions;
    QString info;
    double ms = 0;
};

namespace {

// The transform a key configures: augment.rotate.degrees -> rotate; the flips have one key each.
std::optional<augment::Transform> transformOfKey(const QString &key)
{
    const QString section = key.section(QLatin1Char('.'), 1, 1);
    if (section == QLatin1String("flip"))
        return key.contains(QLatin1String("vertical")) ? augment::Transform::FlipVertical
                                                       : augment::Transform::FlipHorizontal;
    return augment::parseTransform(section);
}

} // namespace

AugmentationPage::AugmentationPage(QWidget *parent) : QWidget(parent)
{
    m_editor = new ParameterEditor({QStringLiteral("augment")}, ParameterEditor::Style::Controls);
    connect(m_editor, &ParameterEditor::edited, this, [this](const QString &key) { m_editedKey = key; });
    connect(m_editor, &ParameterEditor::changed, this, [this] {
        save();
        requestPreview();
    });
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_editor);
    scroll->setMinimumWidth(330); // the window fits 1000 px (issue 17.15)
    auto *reset = new QPushButton(tr("Reset to defaults"));
    connect(reset, &QPushButton::clicked, this, &AugmentationPage::resetToDefaults);
    auto *left = new QWidget;
    auto *l = new QVBoxLayout(left);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(scroll, 1);
    l->addWidget(reset);

    m_example = new QSpinBox;
    m_example->setPrefix(tr("Example "));
    connect(m_example, &QSpinBox::valueChanged, this, [this] { requestPreview(); });
    setProperty("shortcutSection", tr("Augmentation"));
    setProperty("shortcutOrder", 3);
    QAction *rerollAction =
        addKeyAction(this, tr("Draw new random values for the previews"), {QKeySequence(Qt::Key_R)});
    connect(rerollAction, &QAction::triggered, this, &AugmentationPage::reroll);
    auto *reroll = new QPushButton(tr("Re-roll"));
    reroll->setToolTip(rerollAction->toolTip());
    connect(reroll, &QPushButton::clicked, this, &AugmentationPage::reroll);
    m_force = new QCheckBox(tr("Always apply the transform being edited"));
    m_force->setObjectName(QStringLiteral("forceTransform"));
    m_force->setToolTip(tr("Forces the last edited transform on in every preview, so that its effect is visible; "
                           "the others keep their probabilities"));
    connect(m_force, &QCheckBox::toggled, this, [this] { requestPreview(); });
    m_info = new QLabel;
    m_info->setWordWrap(true);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_example);
    controls->addWidget(reroll);
    controls->addWidget(m_force);
    controls->addStretch(1);

    auto *grid = new QGridLayout;
    for (int i = 0; i < kVariants; ++i) {
        m_cells[i] = new QLabel;
        m_cells[i]->setAlignment(Qt::AlignCenter);
        m_cells[i]->setMinimumSize(112, 84);
        m_cells[i]->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
        m_cells[i]->setStyleSheet(QStringLiteral("QLabel { background: #222; }"));
        m_captions[i] = new QLabel;
        m_captions[i]->setWordWrap(true);
        m_captions[i]->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
        m_captions[i]->setMinimumHeight(32);
        auto *cell = new QVBoxLayout;
        cell->addWidget(m_cells[i], 1);
        cell->addWidget(m_captions[i]);
        grid->addLayout(cell, i / 3, i % 3);
    }
    auto *right = new QWidget;
    auto *r = new QVBoxLayout(right);
    r->setContentsMargins(0, 0, 0, 0);
    r->addLayout(controls);
    r->addWidget(m_info);
    r->addLayout(grid, 1);

    auto *split = new QSplitter;
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({460, 800}); // the editor at its natural width where the window allows
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);
    setProject(nullptr);
}

AugmentationPage::~AugmentationPage() = default; // m_preview cancels an in-flight preview

void AugmentationPage::setProject(Project *project)
{
    m_project = project;
    setEnabled(project != nullptr);
    m_ids = project ? project->exampleIds() : std::vector<qint64>();
    if (m_ids.empty()) { // nothing of another project's preview stays
        m_preview.cancel();
        m_images.clear();
        m_shown = 0;
        for (QLabel *c : m_captions)
            c->clear();
        rescaleCells();
        m_info->setText(project ? tr("No example to preview yet: import images on the Data set page.") : QString());
    }
    if (!project)
        return;
    const QSignalBlocker block(m_example);
    m_example->setRange(1, std::max<int>(1, int(m_ids.size())));
    m_editor->setParameters(project->parameters());
    requestPreview();
}

void AugmentationPage::setExample(int index)
{
    m_example->setValue(index + 1);
}

void AugmentationPage::annotationsChanged(const QSet<qint64> &ids)
{
    const int index = m_example->value() - 1;
    if (index >= 0 && index < int(m_ids.size()) && ids.contains(m_ids[size_t(index)]))
        requestPreview();
}

void AugmentationPage::reroll()
{
    ++m_seed;
    requestPreview();
}

void AugmentationPage::resetToDefaults()
{
    if (!m_project)
        return;
    ParameterSet p = m_project->parameters();
    const ParameterSet defaults;
    for (const ParamSpec &spec : ParameterRegistry::instance().all())
        if (spec.group() == QLatin1String("augment"))
            p.set(spec.key, defaults.value(spec.key));
    m_project->setParameters(p);
    m_editor->setParameters(p);
    requestPreview();
}

void AugmentationPage::save()
{
    if (!m_project || !m_editor->isValid())
        return;
    m_project->setParameters(m_editor->mergedInto(m_project->parameters()));
    Q_EMIT parametersChanged();
}

void AugmentationPage::requestPreview()
{
    if (!m_project || m_ids.empty() || !m_editor->isValid())
        return;
    const auto example =
        m_project->example(m_ids[size_t(std::clamp(m_example->value() - 1, 0, int(m_ids.size()) - 1))]);
    if (!example)
        return;
    const Example e = *example;
    const QString path = m_project->imagePath(e);
    const std::vector<Box> boxes = m_project->boxes(e.id);
    const std::vector<ClassInfo> classes = m_project->classes();
    const ParameterSet p = m_editor->parameters();
    const auto chosen = transformOfKey(m_editedKey);
    const augment::Focus focus = m_force->isChecked() && chosen ? augment::Focus::ForceOn : augment::Focus::None;
    const quint64 seed = m_seed;
    // The work reads only the copies made here: never the page, which may close while it runs.
    m_preview.start(
        [=](const JobTracker::Cancelled &cancelled) {
            QElapsedTimer clock;
            clock.start();
            auto result = std::make_shared<Result>();
            const int channels = p.toInt(QStringLiteral("input.channels"));
            cv::Mat image = decodeImage(path, channels);
            if (image.empty()) {
                result->info = tr("%1 cannot be read.").arg(e.fileName);
            } else if (!cancelled()) {
                // As the network sees it: resized to the input resolution first, boxes scaled along.
                std::vector<Box> scaled = boxes;
                const cv::Mat input = augment::resizeToInput(image, p.toInt(QStringLiteral("input.min_side")),
                                                             p.toInt(QStringLiteral("input.max_side")), &scaled);
                const augment::Pipeline pipeline(p);
                const auto samples = augment::preview(pipeline, input, scaled, kVariants, seed, focus,
                                                      chosen.value_or(augment::Transform::Rotate));
                for (const auto &s : samples) {
                    result->images.push_back(toQImage(augment::drawBoxes(s.image, s.boxes, classes)));
                    QString caption = s.record.caption(QLocale());
                    if (caption.isEmpty())
                        caption = tr("unchanged");
                    if (!s.record.droppedBoxes.empty())
                        caption += tr(" · %n box(es) dropped", nullptr, int(s.record.droppedBoxes.size()));
                    result->captions << caption;
                }
                result->info =
                    tr("%1 at the network's input resolution, %2 × %3 px%4")
                        .arg(e.fileName)
                        .arg(input.cols)
                        .arg(input.rows)
                        .arg(focus == augment::Focus::ForceOn ? tr("; %1 forced on").arg(augment::transformKey(*chosen))
                                                              : QString());
            }
            result->ms = double(clock.nsecsElapsed()) / 1e6;
            return result;
        },
        [this](const std::shared_ptr<Result> &result) { showResult(result); });
}

void AugmentationPage::showResult(const std::shared_ptr<Result> &result)
{
    m_info->setText(result->info + tr(" · computed in %1 ms").arg(result->ms, 0, 'f', 0));
    m_lastMs = result->ms;
    m_images = result->images;
    for (int i = 0; i < kVariants; ++i)
        m_captions[i]->setText(i < int(result->captions.size()) ? result->captions[i] : QString());
    rescaleCells();
    m_shown = int(result->images.size());
    Q_EMIT previewReady();
}

void AugmentationPage::rescaleCells()
{
    // Each preview fills its cell, aspect kept; nearest-neighbour so that small inputs show their pixels.
    for (int i = 0; i < kVariants; ++i) {
        if (i < int(m_images.size()))
            m_cells[i]->setPixmap(
                QPixmap::fromImage(m_images[size_t(i)])
                    .scaled(m_cells[i]->size().expandedTo(QSize(32, 32)), Qt::KeepAspectRatio, Qt::FastTransformation));
        else
            m_cells[i]->clear();
    }
}

void AugmentationPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    rescaleCells();
}

void AugmentationPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    rescaleCells();
}

QStringList AugmentationPage::captions() const
{
    QStringList out;
    for (int i = 0; i < m_shown; ++i)
        out << m_captions[i]->text();
    return out;
}

} // namespace visor
