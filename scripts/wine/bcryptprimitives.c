/* A stand-in for Windows' bcryptprimitives.dll, for running the Windows
 * build under Wine 8 (Debian 12) in CI only: Go 1.24+ reads random bytes
 * with ProcessPrng from it, and Wine added that DLL only in Wine 9. It
 * forwards to RtlGenRandom (advapi32's SystemFunction036), which Wine has.
 * Never shipped: scripts/package-check.sh puts it in a throwaway prefix. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
    while (size > 0) {
        ULONG n = size > 0x10000000 ? 0x10000000 : (ULONG)size;
        if (!SystemFunction036(data, n)) return FALSE;
        data += n;
        size -= n;
    }
    return TRUE;
}
