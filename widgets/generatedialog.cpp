#include "generatedialog.h"

#include "imagedecode.h"

#include "augment/augmenter.h"
#include "project/parameters.h"
#include "synth/generator.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace visor {

namespace {

constexpr int kSamples = 4;
constexpr int kPreviewWidth = 220, kPreviewHeight = 130;

struct Preview {
    QList<QImage> images;
    QStringList captions;
};

QString parameterLabel(const ParamSpec &spec)
{
    return spec.label.isEmpty() ? spec.key
                                : QCoreApplication::translate("visor::Parameters", spec.label.toUtf8().constData());
}

} // namespace

GenerateDialog::GenerateDialog(DatasetKind kind, QWidget *parent) : QDialog(parent), m_kind(kind)
{
    setWindowTitle(tr("Generate examples"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QFormLayout;
    m_generator = new QComboBox;
    for (const synth::GeneratorInfo *g : synth::generatorRegistry().all())
        if (std::find(g->kinds.begin(), g->kinds.end(), kind) != g->kinds.end() && g->render)
            m_generator->addItem(g->key, g->key);
    top->addRow(tr("Generator:"), m_generator);
    m_description = new QLabel;
    m_description->setWordWrap(true);
    top->addRow(QString(), m_description);
    layout->addLayout(top);

    // Parameters beside the samples: the dialog fits a 1000 × 640 screen with ten parameters.
    auto *middle = new QHBoxLayout;
    auto *parameters = new QGroupBox(tr("Its parameters"));
    m_form = new QFormLayout(parameters);
    middle->addWidget(parameters);

    auto *samples = new QGroupBox(tr("Four samples, as they will be stored"));
    auto *grid = new QGridLayout(samples);
    for (int i = 0; i < kSamples; ++i) {
        auto *image = new QLabel;
        image->setFixedSize(kPreviewWidth, kPreviewHeight);
        image->setAlignment(Qt::AlignCenter);
        auto *caption = new QLabel;
        caption->setWordWrap(true);
        caption->setFixedWidth(kPreviewWidth);
        grid->addWidget(image, (i / 2) * 2, i % 2);
        grid->addWidget(caption, (i / 2) * 2 + 1, i % 2);
        m_previews << image;
        m_captions << caption;
    }
    middle->addWidget(samples, 1);
    layout->addLayout(middle);

    auto *amount = new QFormLayout;
    m_count = new QSpinBox;
    m_count->setRange(1, 100000);
    m_count->setValue(100);
    amount->addRow(tr("Examples to add:"), m_count);
    m_seed = new QSpinBox;
    m_seed->setRange(1, 1000000000);
    m_seed->setValue(1);
    m_seed->setToolTip(tr("The same generator, parameters and seed always give the same images."));
    amount->addRow(tr("Seed:"), m_seed);
    layout->addLayout(amount);

    m_problemLabel = new QLabel;
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_problemLabel->hide();
    layout->addWidget(m_problemLabel);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Generate"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_generator, &QComboBox::currentIndexChanged, this, [this] { rebuildParameters(); });
    connect(m_seed, &QSpinBox::valueChanged, this, [this] { valuesChanged(); });
    rebuildParameters();
}

const synth::GeneratorInfo *GenerateDialog::generator() const
{
    return synth::generatorRegistry().find(m_generator->currentData().toString());
}

QString GenerateDialog::generatorKey() const
{
    return m_generator->currentData().toString();
}

int GenerateDialog::count() const
{
    return m_count->value();
}

quint64 GenerateDialog::seed() const
{
    return quint64(m_seed->value());
}

QStringList GenerateDialog::previewCaptions() const
{
    return m_captionTexts;
}

void GenerateDialog::selectGenerator(const QString &key)
{
    const int i = m_generator->findData(key);
    if (i >= 0)
        m_generator->setCurrentIndex(i);
}

bool GenerateDialog::setValue(const QString &key, const QJsonValue &value)
{
    for (const auto &[k, w] : m_fields) {
        if (k != key)
            continue;
        if (auto *spin = qobject_cast<QSpinBox *>(w))
            spin->setValue(value.toInt());
        else if (auto *combo = qobject_cast<QComboBox *>(w))
            combo->setCurrentIndex(combo->findText(value.toString()));
        else if (auto *edit = qobject_cast<QLineEdit *>(w))
            edit->setText(ParameterRegistry::format(value));
        return true;
    }
    return false;
}

void GenerateDialog::rebuildParameters()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_fields.clear();
    const synth::GeneratorInfo *g = generator();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(g != nullptr);
    if (!g) {
        m_description->setText(tr("No generator can fill a %1 project.").arg(kindName(m_kind)));
        return;
    }
    m_description->setText(g->description.text());
    for (const ParamSpec &spec : g->parameters) {
        QWidget *field = nullptr;
        if (spec.type == ParamType::Int) {
            auto *spin = new QSpinBox;
            spin->setRange(spec.hasMin ? int(spec.min) : -1000000, spec.hasMax ? int(spec.max) : 1000000);
            spin->setValue(spec.defaultValue.toInt());
            connect(spin, &QSpinBox::valueChanged, this, [this] { valuesChanged(); });
            field = spin;
        } else if (spec.type == ParamType::Choice) {
            auto *combo = new QComboBox;
            combo->addItems(spec.choices);
            combo->setCurrentIndex(std::max(0, int(spec.choices.indexOf(spec.defaultValue.toString()))));
            connect(combo, &QComboBox::currentIndexChanged, this, [this] { valuesChanged(); });
            field = combo;
        } else {
            auto *edit = new QLineEdit(ParameterRegistry::format(spec.defaultValue));
            connect(edit, &QLineEdit::textChanged, this, [this] { valuesChanged(); });
            field = edit;
        }
        field->setToolTip(QStringLiteral("%1 · %2").arg(spec.key, spec.rangeText()));
        m_form->addRow(parameterLabel(spec), field);
        m_fields.emplace_back(spec.key, field);
    }
    valuesChanged();
}

void GenerateDialog::valuesChanged()
{
    const synth::GeneratorInfo *g = generator();
    if (!g)
        return;
    QJsonObject values;
    QStringList problems;
    for (size_t i = 0; i < m_fields.size(); ++i) {
        const ParamSpec &spec = g->parameters[i];
        QWidget *w = m_fields[i].second;
        QJsonValue v;
        if (auto *spin = qobject_cast<QSpinBox *>(w))
            v = spin->value();
        else if (auto *combo = qobject_cast<QComboBox *>(w))
            v = combo->currentText();
        else if (const QString e = ParameterRegistry::parse(spec, qobject_cast<QLineEdit *>(w)->text(), &v);
                 !e.isEmpty())
            problems << e;
        if (const QString e = ParameterRegistry::validate(spec, v); !e.isEmpty())
            problems << e;
        values.insert(spec.key, v);
    }
    if (problems.isEmpty() && g->check)
        if (const QString e = g->check(values); !e.isEmpty())
            problems << e;
    m_values = values;
    m_problem = problems.join(QLatin1Char('\n'));
    m_problemLabel->setText(m_problem);
    m_problemLabel->setVisible(!m_problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty());
    if (!m_problem.isEmpty())
        return;
    // The samples, off the GUI thread: the work reads only these copies (a registry entry never moves).
    const DatasetKind kind = m_kind;
    const quint64 seed = this->seed();
    m_preview.start(
        [g, values, kind, seed](const JobTracker::Cancelled &cancelled) {
            Preview out;
            std::vector<ClassInfo> classes;
            const QStringList names = g->classes ? g->classes(values) : QStringList();
            for (int c = 0; c < names.size(); ++c)
                classes.push_back({qint64(c + 1), names[c], QString(), c});
            for (int i = 0; i < kSamples && !cancelled(); ++i) {
                try {
                    const synth::GeneratedSample s = g->render(kind, values, seed, i);
                    std::vector<Box> boxes;
                    QStringList labels;
                    for (const auto &[name, r] : s.boxes) {
                        boxes.push_back(
                            Box{0, qint64(names.indexOf(name) + 1), r.x, r.y, r.x + r.width, r.y + r.height});
                        labels << name;
                    }
                    out.images << toQImage(boxes.empty() ? s.image : augment::drawBoxes(s.image, boxes, classes));
                    out.captions << (kind == DatasetKind::Classification
                                         ? tr("%1 × %2 px · %3").arg(s.image.cols).arg(s.image.rows).arg(s.label)
                                         : tr("%1 × %2 px · %n box(es): %3", nullptr, int(boxes.size()))
                                               .arg(s.image.cols)
                                               .arg(s.image.rows)
                                               .arg(labels.join(QLatin1Char(' '))));
                } catch (const std::exception &e) {
                    out.images << QImage();
                    out.captions << tr("cannot be rendered: %1").arg(QString::fromUtf8(e.what()));
                }
            }
            return out;
        },
        [this](Preview p) {
            m_images = p.images;
            m_captionTexts = p.captions;
            for (int i = 0; i < kSamples; ++i) {
                const QImage image = m_images.value(i);
                m_previews[i]->setPixmap(
                    image.isNull() ? QPixmap()
                                   : QPixmap::fromImage(image.scaled(kPreviewWidth, kPreviewHeight, Qt::KeepAspectRatio,
                                                                     Qt::SmoothTransformation)));
                m_captions[i]->setText(m_captionTexts.value(i));
            }
            Q_EMIT previewReady();
        });
}

} // namespace visor
