// Not a test program: a library built with the engine's link options that uses QtGui without linking
// it. tst_engine_link builds it and expects the linker to refuse it, naming QImage.
#include <QImage>

int visorEngineGuiProbe()
{
    QImage image(4, 4, QImage::Format_RGB32);
    return image.width();
}
