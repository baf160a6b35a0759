#pragma once
/// Data set ▸ Generate…: choose a registered generator (shapes, ocr, a plugin's), set its own
/// parameters within their bounds, see four samples as they will be stored (with their boxes or
/// class), and how many to add. The samples are rendered off the GUI thread (JobTracker).

#include "jobtracker.h"
#include "project/types.h"

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QSpinBox;

namespace visor {

namespace synth {
struct GeneratorInfo;
}

class GenerateDialog : public QDialog {
    Q_OBJECT
public:
    GenerateDialog(DatasetKind kind, QWidget *parent = nullptr);

    QString generatorKey() const;
    /// The generator's parameters as set (every one of its keys).
    QJsonObject values() const { return m_values; }
    int count() const;
    quint64 seed() const;
    /// Empty when the values can generate; otherwise the refusal shown (and Generate is disabled).
    QString problem() const { return m_problem; }

    void selectGenerator(const QString &key);
    /// Sets one of the generator's parameters as if typed; false when the key is not the generator's.
    bool setValue(const QString &key, const QJsonValue &value);
    /// The preview's captions and images, once rendered (previewReady()).
    QStringList previewCaptions() const;
    QList<QImage> previewImages() const { return m_images; }

Q_SIGNALS:
    void previewReady();

private:
    const synth::GeneratorInfo *generator() const;
    void rebuildParameters();
    void valuesChanged();

    DatasetKind m_kind;
    QComboBox *m_generator = nullptr;
    QLabel *m_description = nullptr;
    QFormLayout *m_form = nullptr;
    QSpinBox *m_count = nullptr, *m_seed = nullptr;
    QLabel *m_problemLabel = nullptr;
    QList<QLabel *> m_previews, m_captions;
    QDialogButtonBox *m_buttons = nullptr;
    QJsonObject m_values;
    QString m_problem;
    QList<QImage> m_images;
    QStringList m_captionTexts;
    std::vector<std::pair<QString, QWidget *>> m_fields;
    JobTracker m_preview{this, JobTracker::Lane::Interactive};
};

} // namespace visor
