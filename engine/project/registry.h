#pragma once
/// The one registry mechanism (DESIGN.md, "Seams"): entries of one kind by their key, each with what
/// the kind needs (handlers or a factory, a translatable description, its own parameters). Import and
/// export formats, synthetic generators, network components and backbones each keep one; the CLI's
/// help, the dialogs and the parameter editor list what a registry holds, so no list of names is
/// written twice. Plugins register into the same registries.
#include "types.h"

#include <QCoreApplication>
#include <QStringList>
#include <deque>
#include <mutex>
#include <vector>

namespace visor {

/// A text registered untranslated and translated when shown: register it with
/// {"visor::Context", QT_TRANSLATE_NOOP("visor::Context", "text")} so that lupdate finds it.
struct RegisteredText {
    const char *context = nullptr;
    const char *source = nullptr;
    QString text() const { return source ? QCoreApplication::translate(context, source) : QString(); }
};

/// Entries with a `QString key`, in registration order. The built-in entries come from `builtins` the
/// first time the registry is used: explicit registration, because self-registering static objects in
/// a static library are dropped by the linker when nothing refers to them.
template <typename Entry> class Registry {
public:
    /// `what` names the kind in messages ("format", "generator").
    Registry(RegisteredText what, std::vector<Entry> (*builtins)()) : m_what(what), m_builtins(builtins) {}

    /// Adds an entry; throws Error when its key is empty or already registered.
    void add(Entry entry)
    {
        ensureBuiltins();
        insert(std::move(entry));
    }
    /// The entry of `key` (case-insensitive), or nullptr.
    const Entry *find(const QString &key) const
    {
        ensureBuiltins();
        std::lock_guard<std::mutex> lock(m_mutex);
        return findLocked(key);
    }
    /// The entry of `key`; throws Error naming the key and every registered one.
    const Entry &at(const QString &key) const
    {
        if (const Entry *e = find(key))
            return *e;
        throw Error(QCoreApplication::translate("visor::Registry", "unknown %1 '%2'; known: %3")
                        .arg(m_what.text(), key, keys().join(QStringLiteral(", "))));
    }
    /// Every entry, in registration order (entries never move: the pointers stay valid).
    std::vector<const Entry *> all() const
    {
        ensureBuiltins();
        std::lock_guard<std::mutex> lock(m_mutex);
        std::vector<const Entry *> out;
        for (const Entry &e : m_entries)
            out.push_back(&e);
        return out;
    }
    /// How many entries there are, and removing the newest down to `count` again: a plugin that fails
    /// half-way through registering takes back what it added (the older entries do not move).
    size_t size() const
    {
        ensureBuiltins();
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_entries.size();
    }
    void truncate(size_t count)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        while (m_entries.size() > count)
            m_entries.pop_back();
    }
    QStringList keys() const
    {
        QStringList out;
        for (const Entry *e : all())
            out << e->key;
        return out;
    }

private:
    void ensureBuiltins() const
    {
        std::call_once(m_once, [this] {
            if (m_builtins)
                for (Entry &e : m_builtins())
                    const_cast<Registry *>(this)->insert(std::move(e));
        });
    }
    void insert(Entry entry)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (entry.key.isEmpty())
            throw Error(QCoreApplication::translate("visor::Registry", "a %1 cannot be registered without a name")
                            .arg(m_what.text()));
        if (findLocked(entry.key))
            throw Error(QCoreApplication::translate("visor::Registry", "a %1 named '%2' is already registered")
                            .arg(m_what.text(), entry.key));
        m_entries.push_back(std::move(entry));
    }
    const Entry *findLocked(const QString &key) const
    {
        for (const Entry &e : m_entries)
            if (e.key.compare(key.trimmed(), Qt::CaseInsensitive) == 0)
                return &e;
        return nullptr;
    }

    RegisteredText m_what;
    std::vector<Entry> (*m_builtins)();
    mutable std::once_flag m_once;
    mutable std::mutex m_mutex;
    std::deque<Entry> m_entries; // a deque: adding never moves the entries others point to
};

} // namespace visor
