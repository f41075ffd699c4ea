// A null ImGui backend for UI tests: a context with the font atlas built, no
// window or GPU. Frames are driven with injected input, the way a reader uses
// the viewer (Dear ImGui's example_null, with 1.87+ input events).
#pragma once

#include <catch2/catch.hpp>
#include <imgui.h>

#include <string>

#include "core/session/protocol.h"
#include "ui/app.h"
#include "embedded_font_rest.h"

struct HeadlessUi {
    lectern::Session session;
    lectern::ui::UiState ui;

    explicit HeadlessUi(const std::string& archive_json) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1280, 800);
        // Whole faces, as the desktop viewer has them (platform/page_bridge_native.cpp).
        lectern::ui::give_font_rest(ui.font_rest,
                                    std::string(reinterpret_cast<const char*>(kFontRestPack), kFontRestPackSize));
        lectern::ui::init_ui(ui, 1.0f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        REQUIRE(session.load(archive_json).ok());
    }
    ~HeadlessUi() { ImGui::DestroyContext(); }
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    void frame(float dt = 1.0f / 60.0f) {
        ImGui::GetIO().DeltaTime = dt;
        ImGui::NewFrame();
        lectern::ui::draw_app(session, ui);
        ImGui::Render();
        session.count_frame();
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }
    void move(float x, float y) {
        ImGui::GetIO().AddMousePosEvent(x, y);
        frame();
    }
    void click(float x, float y) {
        move(x, y);
        ImGui::GetIO().AddMouseButtonEvent(ImGuiMouseButton_Left, true);
        frame();
        ImGui::GetIO().AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        frame();
    }
    // A key pressed and released over two frames, with a modifier held around it.
    void key(ImGuiKey k, ImGuiKey mod = ImGuiKey_None) {
        ImGuiIO& io = ImGui::GetIO();
        if (mod != ImGuiKey_None) io.AddKeyEvent(mod, true);
        io.AddKeyEvent(k, true);
        frame();
        io.AddKeyEvent(k, false);
        if (mod != ImGuiKey_None) io.AddKeyEvent(mod, false);
        frame();
    }
    void type(const char* text) {
        ImGui::GetIO().AddInputCharactersUTF8(text);
        frames(2);
    }
};
