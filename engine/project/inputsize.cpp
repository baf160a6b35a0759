#include "inputsize.h"

#include <algorithm>
#include <cmath>

namespace visor {

double inputScale(double width, double height, int minSide, int maxSide)
{
    if (width <= 0 || height <= 0)
        return 1;
    return std::min(minSide / std::min(width, height), maxSide / std::max(width, height));
}

InputSize inputSize(int width, int height, int minSide, int maxSide)
{
    const double scale = inputScale(width, height, minSide, maxSide);
    return {std::max(1, int(std::lround(width * scale))), std::max(1, int(std::lround(height * scale))), scale};
}

} // namespace visor
