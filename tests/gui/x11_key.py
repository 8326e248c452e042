#!/usr/bin/env python3
"""Real X key events for a keysym the keyboard map lacks (e.g. U+1F494), through libX11 and XTest with ctypes.
xdotool binds such a keysym only for the moment it types and unbinds it at once, which a GLFW app never notices
(it does not call XRefreshKeyboardMapping), so the key arrives as nothing. Here the keysym is bound to a spare
keycode first ("bind", before the app starts) and pressed later ("press"), like any key of the keyboard.
usage: x11_key.py bind|press KEYSYM_HEX        (on $DISPLAY)"""
import ctypes, ctypes.util, sys

KEYCODE = 8  # the lowest keycode, unused on Xvfb and on PC keyboards (xdotool borrows it too)
mode, keysym = sys.argv[1], int(sys.argv[2], 16)
x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
display = x11.XOpenDisplay(None)
if not display:
    sys.exit("x11_key: cannot open the X display")
if mode == "bind":
    x11.XChangeKeyboardMapping.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int,
                                           ctypes.POINTER(ctypes.c_ulong), ctypes.c_int]
    x11.XChangeKeyboardMapping(display, KEYCODE, 2, (ctypes.c_ulong * 2)(keysym, keysym), 1)
elif mode == "press":
    xtst = ctypes.CDLL(ctypes.util.find_library("Xtst") or "libXtst.so.6")
    xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
    for down in (1, 0):
        if not xtst.XTestFakeKeyEvent(display, KEYCODE, down, 0):
            sys.exit("x11_key: XTest refused the key event")
else:
    sys.exit("usage: x11_key.py bind|press KEYSYM_HEX")
x11.XSync(display, 0)
x11.XCloseDisplay(display)
print(f"x11_key: {mode} keycode {KEYCODE} = keysym {keysym:#x}")
