#include "preferencesdialog.h"
#include "runstatus.h"

#include "language.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

namespace visor {

PreferencesDialog::PreferencesDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    m_language = new QComboBox;
    const QString system = resolveLanguage(QString());
    QString systemName;
    for (const Language &l : availableLanguages())
        if (l.code == system)
            systemName = l.nativeName;
    m_language->addItem(tr("System language (%1)").arg(systemName), QString());
    for (const Language &l : availableLanguages())
        m_language->addItem(l.nativeName, l.code);
    setLanguageChoice(QSettings().value(languageSettingsKey()).toString());

    m_note = new QLabel;
    m_note->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    m_theme = new QComboBox;
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->addItem(tr("System"), themeKey(Theme::System));
    m_theme->addItem(tr("Light"), themeKey(Theme::Light));
    m_theme->addItem(tr("Dark"), themeKey(Theme::Dark));
    setThemeChoice(savedTheme());
    form->addRow(tr("&Theme:"), m_theme);
    const QLocale locale;
    auto *formats = new QLabel(tr("Numbers and dates: %1, %2 (%3)")
                                   .arg(locale.toString(1234567.89, 'f', 2), dateTimeText(QDateTime::currentDateTime()),
                                        locale.nativeTerritoryName()));
    formats->setToolTip(tr("Numbers and dates follow the system's regional settings."));
    form->addRow(tr("Formats:"), formats);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_language, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updateNote);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addStretch();
    layout->addWidget(buttons);
    updateNote();
}

QString PreferencesDialog::languageChoice() const
{
    return m_language->currentData().toString();
}

void PreferencesDialog::setLanguageChoice(const QString &code)
{
    const int i = m_language->findData(code);
    m_language->setCurrentIndex(i < 0 ? 0 : i);
}

void PreferencesDialog::setThemeChoice(Theme theme)
{
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(themeKey(theme))));
}

Theme PreferencesDialog::themeChoice() const
{
    return themeFromKey(m_theme->currentData().toString());
}

bool PreferencesDialog::save()
{
    if (themeChoice() != savedTheme() || !QSettings().contains(themeSettingsKey())) {
        QSettings().setValue(themeSettingsKey(), themeKey(themeChoice()));
        applyTheme(*qApp, themeChoice(), parentWidget() ? parentWidget()->window() : nullptr);
    }
    const QString before = resolveLanguage(QSettings().value(languageSettingsKey()).toString());
    QSettings().setValue(languageSettingsKey(), languageChoice());
    return resolveLanguage(languageChoice()) != before;
}

void PreferencesDialog::updateNote()
{
    const QString current = resolveLanguage(QSettings().value(languageSettingsKey()).toString());
    m_note->setText(resolveLanguage(languageChoice()) == current
                        ? QString()
                        : tr("The new language applies when Visor starts again."));
}

} // namespace visor
