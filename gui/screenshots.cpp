#include "gui/screenshots.hpp"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QPixmap>
#include <QWidget>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "crypto/secret_buffer.hpp"
#include "gui/app_context.hpp"
#include "gui/create_vault_dialog.hpp"
#include "gui/language.hpp"
#include "gui/main_window.hpp"
#include "gui/page.hpp"
#include "gui/unlock_widget.hpp"
#include "service/session.hpp"

namespace mk::gui {
namespace {

constexpr int kWidth = 1280;
constexpr int kHeight = 800;

// The first line of `file`, without its line ending, in secure memory.
Result<crypto::SecretBuffer> read_first_line(const std::filesystem::path& file) {
  QFile in(QString::fromStdString(file.string()));
  if (!in.open(QIODevice::ReadOnly)) return io_error("cannot read the passphrase file");
  QByteArray line = in.readLine(1024);
  while (!line.isEmpty() && (line.endsWith('\n') || line.endsWith('\r')))
    line.chop(1);
  crypto::SecretBuffer out = crypto::SecretBuffer::copy_of(
      std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(line.constData()),
                                    static_cast<std::size_t>(line.size())));
  crypto::wipe(line.data(), static_cast<std::size_t>(line.size()));
  if (out.empty()) return invalid_input("the passphrase file is empty");
  return out;
}

void settle() {
  for (int i = 0; i < 5; ++i)
    QApplication::processEvents();
}

class Shooter {
 public:
  explicit Shooter(QDir dir) : dir_(std::move(dir)) {}
  Status shoot(QWidget& widget, const QString& key) {
    settle();
    const QString name =
        QStringLiteral("%1-%2.png").arg(++count_, 2, 10, QLatin1Char('0')).arg(key);
    if (!widget.grab().save(dir_.filePath(name))) return io_error("cannot write a screenshot");
    written_ << dir_.filePath(name);
    return Status::ok();
  }
  const QStringList& written() const { return written_; }

 private:
  QDir dir_;
  int count_ = 0;
  QStringList written_;
};

}  // namespace

Result<QStringList> render_screenshots(AppContext& context, const ScreenshotOptions& options) {
  std::error_code ec;
  std::filesystem::create_directories(options.out_dir, ec);
  if (ec) return io_error("cannot create the screenshot folder");
  MK_ASSIGN_OR_RETURN(crypto::SecretBuffer passphrase, read_first_line(options.passphrase_file));
  set_language(Language::kDutch);

  Shooter shooter(QDir(QString::fromStdString(options.out_dir.string())));
  MainWindow window(context);
  window.resize(kWidth, kHeight);
  window.show();
  MK_RETURN_IF_ERROR(shooter.shoot(window, QStringLiteral("unlock")));

  {
    CreateVaultDialog create(context, &window);
    create.show();
    MK_RETURN_IF_ERROR(shooter.shoot(create, QStringLiteral("create-vault")));
  }

  Result<service::Session> session =
      service::Session::open(context.vault_dir(), passphrase, options.slot, context.clock(),
                             service::origin_here("gui"), context.policy_dir());
  if (!session) return session.status();
  context.adopt(std::move(*session));
  window.resize(kWidth, kHeight);
  std::vector<QString> keys;
  for (const Page* page : window.pages())
    keys.push_back(page->key());
  for (const QString& key : keys) {
    window.show_page(key);
    for (Page* page : window.pages()) {
      if (page->key() == key) page->show_example();
    }
    MK_RETURN_IF_ERROR(shooter.shoot(window, key));
  }
  context.lock();
  return shooter.written();
}

}  // namespace mk::gui
