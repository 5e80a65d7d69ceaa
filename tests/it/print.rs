//! Exports for reports: PDF pages, GraphML, big PNGs scaled to fit, the caption block, kinds that
//! survive a greyscale print, and a citation that reopens the view.

use crate::common;

use crate::common::{run, text};

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use csto_atlas::export::{self, Area, ExportRequest, Format, PageSetup, Paper, PaperOrientation};
use csto_atlas::model::{self, Model};

fn export_cli(dir: &Path, name: &str, extra: &[&str]) -> (PathBuf, Output) {
    let out = dir.join(name);
    let mut args = vec!["export", "--out", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let o = run(&args);
    assert!(o.status.success(), "{}", text(&o.stderr));
    (out, o)
}

/// A poppler tool's output, or `None` when poppler-utils is not installed (`.ci/run` installs
/// it).
pub(crate) fn poppler(tool: &str, args: &[&str]) -> Option<String> {
    if !common::tool(tool, "-v") {
        return None;
    }
    let o = Command::new(tool).args(args).output().ok()?;
    assert!(o.status.success(), "{tool}: {}", text(&o.stderr));
    Some(text(&o.stdout))
}

/// The page's size in points from the PDF's MediaBox.
fn media_box(pdf: &[u8]) -> (f32, f32) {
    let s = String::from_utf8_lossy(pdf);
    let at = s.find("/MediaBox [").expect("a MediaBox");
    let rest = &s[at + "/MediaBox [".len()..];
    let nums: Vec<f32> = rest[..rest.find(']').unwrap()]
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    (nums[2] - nums[0], nums[3] - nums[1])
}

#[test]
fn an_a3_pdf_is_a_landscape_a3_page_with_searchable_names_and_the_edition() {
    let dir = tempfile::tempdir().unwrap();
    let (pdf, _) = export_cli(dir.path(), "chart.pdf", &["--page", "a3"]);
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    // A3 is 297 × 420 mm; the chart is wide, so the paper lies on its side.
    let (w, h) = media_box(&bytes);
    assert!(
        (w - 1190.55).abs() < 1.0 && (h - 841.89).abs() < 1.0,
        "{w} x {h}"
    );
    let Some(info) = poppler("pdfinfo", &[pdf.to_str().unwrap()]) else {
        eprintln!("pdfinfo is not installed: the PDF's text is not read back here");
        return;
    };
    assert!(
        info.lines()
            .any(|l| l.starts_with("Pages:") && l.split_whitespace().nth(1) == Some("1")),
        "{info}"
    );
    assert!(info.contains("(A3)"), "{info}");
    assert!(
        info.lines()
            .any(|l| l.starts_with("Title:")
                && l.contains("Collective Security Treaty Organization")),
        "the document carries its title: {info}"
    );
    let words = poppler("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]).unwrap();
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let m = model::load_embedded().unwrap();
    for i in m.indices() {
        let body = m.body(i);
        assert!(
            words.contains(&body.short),
            "{} is not in the PDF's text",
            body.short
        );
    }
    for name in [
        "Collective Security Council",
        "Council of Ministers of Defence",
        "Parliamentary Assembly",
    ] {
        assert!(words.contains(name), "{name} is not in the PDF's text");
    }
    assert!(words.contains("edition 3 December 2025"), "{words}");
}

#[test]
fn a_page_option_with_a_picture_that_is_not_pdf_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("chart.png");
    let o = run(&["export", "--out", out.to_str().unwrap(), "--page", "a4"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("for PDF"), "{}", text(&o.stderr));
    assert!(!out.exists());
}

#[test]
fn pages_take_the_paper_and_orientation_asked_and_keep_their_margins() {
    let mm = 72.0 / 25.4;
    // A wide chart on A4 in portrait, as asked, and a page that fits a huge chart within the
    // 200-inch limit.
    let p = export::place(
        1500.0,
        800.0,
        PageSetup {
            paper: Paper::A4,
            orientation: PaperOrientation::Portrait,
            ..Default::default()
        },
    );
    let (w, h) = p.page_points();
    assert!((w - 210.0 * mm).abs() < 0.5 && (h - 297.0 * mm).abs() < 0.5);
    let margin_pt = p.x.min(p.y) * 0.75;
    assert!(margin_pt >= 10.0 * mm, "margin {margin_pt} pt");
    let right = (p.page_width - p.x - 1500.0 * p.scale) * 0.75;
    assert!(right >= 10.0 * mm - 0.01, "right margin {right} pt");
    let letter = export::place(
        800.0,
        1500.0,
        PageSetup {
            paper: Paper::Letter,
            orientation: PaperOrientation::Auto,
            ..Default::default()
        },
    );
    assert!(
        letter.page_height > letter.page_width,
        "a tall chart stands upright"
    );
    let huge = export::place(40_000.0, 3_000.0, PageSetup::default());
    let (w, _) = huge.page_points();
    assert!(w <= 200.0 * 72.0 + 0.5, "{w} pt is past PDF's limit");
    assert!(huge.scale < 1.0);
}

#[test]
fn graphml_reads_back_with_kinds_names_positions_and_every_edge() {
    let m = model::load_embedded().unwrap();
    let request = ExportRequest::new(Format::Graphml);
    let (_, scene) = request.scene(&m);
    let xml = text(&export::render(&m, &request).unwrap());
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "graphml");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://graphml.graphdrawing.org/xmlns")
    );
    // Every data element names a declared key meant for its element.
    let keys: std::collections::HashMap<&str, &str> = root
        .children()
        .filter(|n| n.has_tag_name("key"))
        .map(|k| (k.attribute("id").unwrap(), k.attribute("for").unwrap()))
        .collect();
    for data in doc.descendants().filter(|n| n.has_tag_name("data")) {
        let key = data.attribute("key").unwrap();
        let owner = data.parent_element().unwrap().tag_name().name();
        assert_eq!(keys.get(key), Some(&owner), "data key {key} on a {owner}");
    }
    let graph = root.children().find(|n| n.has_tag_name("graph")).unwrap();
    assert_eq!(graph.attribute("edgedefault"), Some("directed"));
    let nodes: Vec<_> = graph
        .children()
        .filter(|n| n.has_tag_name("node"))
        .collect();
    let edges: Vec<_> = graph
        .children()
        .filter(|n| n.has_tag_name("edge"))
        .collect();
    assert_eq!(nodes.len(), scene.nodes.len());
    assert_eq!(edges.len(), scene.edges.len());
    let ids: std::collections::HashSet<&str> =
        nodes.iter().map(|n| n.attribute("id").unwrap()).collect();
    for e in &edges {
        assert!(ids.contains(e.attribute("source").unwrap()));
        assert!(ids.contains(e.attribute("target").unwrap()));
    }
    let value = |node: &roxmltree::Node, key: &str| {
        node.children()
            .find(|d| d.attribute("key") == Some(key))
            .and_then(|d| d.text())
            .map(str::to_owned)
    };
    let csc = nodes
        .iter()
        .find(|n| n.attribute("id") == Some("csc"))
        .unwrap();
    assert_eq!(value(csc, "d_kind").as_deref(), Some("statutory"));
    assert_eq!(
        value(csc, "d_name").as_deref(),
        Some("Collective Security Council")
    );
    assert!(value(csc, "d_name_ru").is_some_and(|n| n.contains("Совет")));
    assert!(value(csc, "d_x").unwrap().parse::<f64>().is_ok());
    let kinds: Vec<String> = edges.iter().filter_map(|e| value(e, "e_kind")).collect();
    assert!(kinds.iter().any(|k| k == "parent"));
    assert!(
        kinds.iter().any(|k| k == "appoints"),
        "relations are carried"
    );
}

fn synthetic(n: usize) -> Model {
    Model::new(csto_atlas::generate::synthetic(n, 1))
}

#[test]
fn the_2000_body_whole_chart_exports_as_png_scaled_to_fit() {
    let m = synthetic(2000);
    for orientation in [
        csto_atlas::layout::Orientation::TopDown,
        csto_atlas::layout::Orientation::LeftRight,
    ] {
        // A smaller side than the default keeps the test quick; the default is checked below.
        let request = ExportRequest {
            orientation,
            scale: 2.0,
            max_side: 4096,
            ..ExportRequest::new(Format::Png)
        };
        let out = export::render_noted(&m, &request).expect("a big chart never fails for size");
        let img = image::load_from_memory(&out.bytes).unwrap();
        assert_eq!(img.width().max(img.height()), 4096);
        let note = out.note.expect("the user is told it was scaled");
        assert!(note.contains("to fit 4,096 px"), "{note}");
        // Drawn strip by strip: the bottom third has boxes too.
        let rgba = img.to_rgba8();
        let distinct: std::collections::HashSet<[u8; 4]> = rgba
            .rows()
            .skip(2 * rgba.height() as usize / 3)
            .flatten()
            .map(|p| p.0)
            .collect();
        assert!(distinct.len() > 3, "the bottom third is drawn");
    }
    // By default the longest side is 16,384 px, whatever the scale asked.
    let plan = export::Raster::plan(40_000.0, 9_000.0, 2.0, export::DEFAULT_MAX_SIDE);
    assert_eq!((plan.width, plan.fitted), (16_384, true));
    assert!((plan.scale - 16_384.0 / 40_000.0).abs() < 1e-4);
}

#[test]
fn max_side_scales_the_png_down_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (png, o) = export_cli(dir.path(), "small.png", &["--max-side", "800"]);
    let img = image::open(png).unwrap();
    assert_eq!(img.width().max(img.height()), 800);
    assert!(
        text(&o.stderr).contains("note: scaled to"),
        "{}",
        text(&o.stderr)
    );
}

/// How a box's outline looks in grey: the border's thickness at the middle of its left side,
/// and whether its top-left corner is square (border colour in the very corner).
fn outline_signature(grey: &image::GrayImage, x: u32, y: u32, w: u32, h: u32) -> (u32, bool) {
    let bg = grey.get_pixel(x + w / 2, y + h - 3)[0] as i32;
    let inside = |px: u32, py: u32| (grey.get_pixel(px, py)[0] as i32 - bg).abs() > 40;
    // The thickest run over the middle half of the left side (a dashed outline has gaps).
    let thickness = (y + h / 4..y + 3 * h / 4)
        .map(|py| {
            (x.saturating_sub(2)..x + w / 4)
                .filter(|&px| inside(px, py))
                .count() as u32
        })
        .max()
        .unwrap_or(0);
    let square = inside(x + 1, y + 1);
    (thickness, square)
}

#[test]
fn kinds_stay_apart_in_a_greyscale_print() {
    let m = model::load_embedded().unwrap();
    let scale = 4.0;
    let svg = text(&export::render(&m, &ExportRequest::new(Format::Svg)).unwrap());
    let png = export::render_png(&svg, scale).unwrap();
    let grey = image::load_from_memory(&png).unwrap().to_luma8();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let mut signatures = Vec::new();
    let kinds = m.kinds();
    for kind in kinds.body_kinds().map(|k| kinds.body(k).id.as_str()) {
        let group = doc
            .descendants()
            .find(|n| {
                n.attribute("class")
                    .is_some_and(|c| c.split(' ').nth(1) == Some(kind))
            })
            .unwrap_or_else(|| panic!("a {kind} body"));
        let rect = group
            .children()
            .filter(|n| n.has_tag_name("rect"))
            .find(|n| n.attribute("class").is_none())
            .unwrap();
        let num = |a: &str| (rect.attribute(a).unwrap().parse::<f32>().unwrap() * scale) as u32;
        signatures.push((
            kind,
            outline_signature(&grey, num("x"), num("y"), num("width"), num("height")),
        ));
    }
    for (i, (ka, a)) in signatures.iter().enumerate() {
        for (kb, b) in &signatures[i + 1..] {
            let apart = a.0.abs_diff(b.0) >= 3 || a.1 != b.1;
            assert!(apart, "{ka:?} {a:?} and {kb:?} {b:?} look the same in grey");
        }
    }
}

#[test]
fn a_citation_names_the_view_and_its_command_line_reopens_it() {
    let dir = tempfile::tempdir().unwrap();
    let view = ["--kind", "subsidiary", "--as-of", "2005-01-01"];
    let mut args = view.to_vec();
    args.push("--cite");
    let (first, o) = export_cli(dir.path(), "first.json", &args);
    let out = text(&o.stdout);
    let mut lines = out.lines();
    let citation = lines.next().unwrap();
    let command = lines.next().unwrap();
    assert!(
        citation.starts_with("CSTO Atlas: Subsidiary bodies as of 1 January 2005 (edition 2025-12-03, sources checked to 2025-12-05). (2025, December 3). CSTO Atlas. Retrieved "),
        "{citation}"
    );
    assert!(citation.ends_with('.'), "{citation}");
    assert_eq!(command, "csto-atlas --kind subsidiary --as-of 2005-01-01");
    // The command's view options, given to export, draw the same chart.
    let words: Vec<&str> = command.split(' ').skip(1).collect();
    let (second, _) = export_cli(dir.path(), "second.json", &words);
    assert_eq!(
        std::fs::read_to_string(first).unwrap(),
        std::fs::read_to_string(second).unwrap()
    );
}

#[test]
fn a_title_replaces_the_atlas_title_and_no_caption_drops_the_block() {
    let m = model::load_embedded().unwrap();
    let titled = ExportRequest {
        title: Some("Figure 3. The CSTO's bodies".into()),
        area: Area::Whole,
        ..ExportRequest::new(Format::Svg)
    };
    let svg = text(&export::render(&m, &titled).unwrap());
    assert!(svg.contains(">Figure 3. The CSTO&apos;s bodies</text>"));
    let bare = ExportRequest {
        caption: false,
        ..ExportRequest::new(Format::Svg)
    };
    let svg = text(&export::render(&m, &bare).unwrap());
    assert!(!svg.contains("class=\"caption"), "no caption block");
    assert!(!svg.contains("Source: CSTO Atlas"));
}

/// Pixels of two same-sized RGBA images that differ by more than 8/255 in a channel.
fn differing(a: &[u8], b: &[u8]) -> usize {
    a.chunks(4)
        .zip(b.chunks(4))
        .filter(|(p, q)| p.iter().zip(q.iter()).any(|(x, y)| x.abs_diff(*y) > 8))
        .count()
}

/// An SVG drawn by resvg with no fonts at all: what a program without Ubuntu shows.
fn render_without_fonts(svg: &str) -> (u32, u32, Vec<u8>) {
    use resvg::{tiny_skia, usvg};
    let tree = usvg::Tree::from_str(svg, &usvg::Options::default()).unwrap();
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    // tiny-skia keeps premultiplied colour; the page is opaque, so it is the same.
    (size.width(), size.height(), pixmap.take())
}

#[test]
fn an_svg_with_text_as_paths_draws_the_png_without_any_font_installed() {
    let m = model::load_embedded().unwrap();
    let request = |format, paths| ExportRequest {
        text_as_paths: paths,
        scale: 1.0,
        ..ExportRequest::new(format)
    };
    let png = export::render(&m, &request(Format::Png, false)).unwrap();
    let png = image::load_from_memory(&png).unwrap().to_rgba8();
    let outlined =
        String::from_utf8(export::render(&m, &request(Format::Svg, true)).unwrap()).unwrap();
    let texts: Vec<&str> = outlined
        .lines()
        .filter(|l| l.starts_with("<text"))
        .collect();
    assert!(
        texts.iter().all(|l| l.contains(r#"fill-opacity="0""#)),
        "every text is drawn as outlines; the text itself is invisible"
    );
    assert!(
        outlined.contains("<title>Collective Security Council</title>")
            && outlined.contains(r#"fill-opacity="0">Joint Staff</text>"#),
        "names stay selectable and searchable"
    );
    // Any SVG export is outlined unless asked otherwise: most readers lack the font.
    let default =
        String::from_utf8(export::render(&m, &ExportRequest::new(Format::Svg)).unwrap()).unwrap();
    assert!(default == outlined, "the default SVG is the outlined one");
    let (w, h, pixels) = render_without_fonts(&outlined);
    assert_eq!((w, h), png.dimensions());
    let total = (w * h) as usize;
    let off = differing(&pixels, png.as_raw());
    if off * 2000 > total {
        let dump = std::env::temp_dir().join("outlined-without-fonts.png");
        let _ = image::RgbaImage::from_raw(w, h, pixels.clone()).map(|i| i.save(&dump));
        eprintln!("the outlined SVG as drawn: {}", dump.display());
    }
    assert!(
        off * 2000 <= total,
        "{off} of {total} pixels differ from the PNG (at most 0.05 %)"
    );
    // The same picture with live text loses its words where the font is missing.
    let live =
        String::from_utf8(export::render(&m, &request(Format::Svg, false)).unwrap()).unwrap();
    let (_, _, bare) = render_without_fonts(&live);
    assert!(
        differing(&bare, png.as_raw()) * 2000 > total,
        "the check can tell"
    );
    // Short names are not bold in the SVG: one weight in every format.
    assert!(!live.contains("font-weight"));
}

#[test]
fn light_pictures_are_on_white_paper_and_can_be_transparent() {
    let dir = tempfile::tempdir().unwrap();
    let (png, _) = export_cli(dir.path(), "a.png", &["--scale", "1"]);
    let img = image::open(&png).unwrap().to_rgba8();
    for (x, y) in [
        (0, 0),
        (img.width() - 1, img.height() - 1),
        (img.width() / 2, 3),
    ] {
        assert_eq!(
            img.get_pixel(x, y).0,
            [255, 255, 255, 255],
            "paper at {x},{y}"
        );
    }
    let (clear, _) = export_cli(dir.path(), "t.png", &["--scale", "1", "--transparent"]);
    let img = image::open(&clear).unwrap().to_rgba8();
    assert_eq!(img.get_pixel(0, 0).0[3], 0, "a transparent corner");
    let (pdf, _) = export_cli(dir.path(), "a.pdf", &["--page", "a4"]);
    if common::tool("pdftoppm", "-v") {
        let stem = dir.path().join("page");
        let o = Command::new("pdftoppm")
            .args(["-png", "-r", "30", "-singlefile"])
            .arg(&pdf)
            .arg(&stem)
            .output()
            .unwrap();
        assert!(o.status.success());
        let page = image::open(stem.with_extension("png")).unwrap().to_rgba8();
        let (w, h) = page.dimensions();
        for (x, y) in [(2, 2), (w - 3, h - 3), (w / 2, h - 3)] {
            assert_eq!(
                page.get_pixel(x, y).0[..3],
                [255, 255, 255],
                "the PDF page at {x},{y}"
            );
        }
    }
}

/// The caption's text blocks of an SVG: each class's lines in order.
fn caption_blocks(svg: &str) -> Vec<(String, Vec<String>)> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let mut blocks: Vec<(String, Vec<String>)> = Vec::new();
    for n in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let Some(class) = n.attribute("class").filter(|c| c.starts_with("caption")) else {
            continue;
        };
        let line = n.text().unwrap_or_default().to_owned();
        match blocks.last_mut() {
            Some((c, lines)) if c == class => lines.push(line),
            _ => blocks.push((class.to_owned(), vec![line])),
        }
    }
    blocks
}

#[test]
fn no_caption_line_holds_a_single_word() {
    let dir = tempfile::tempdir().unwrap();
    let mut checked = 0;
    for extra in [
        &[][..],
        &["--kind", "subsidiary"],
        &["--as-of", "2004-01-01"],
        &["--compare", "2003-01-01"],
        &["--focus", "cmd", "--depth", "1"],
        &["--view", "--size", "700x500", "--select", "cmd"],
        &[
            "--title",
            "Collective security bodies of the Treaty of 15 May 1992, drawn for the annual report",
        ],
    ] {
        let (svg, _) = export_cli(dir.path(), "c.svg", extra);
        let svg = std::fs::read_to_string(svg).unwrap();
        for (class, lines) in caption_blocks(&svg) {
            if lines.len() > 1 {
                checked += 1;
                let last = lines.last().unwrap();
                assert!(
                    last.contains(' '),
                    "{extra:?}: {class} ends on a lone word: {lines:?}"
                );
            }
        }
    }
    assert!(
        checked > 0,
        "some captions wrap (else the test says nothing)"
    );
}

#[test]
fn on_an_a4_page_the_legend_sits_close_under_the_chart() {
    let m = model::load_embedded().unwrap();
    let mm_px = 96.0 / 25.4;
    for area in [Area::Whole, Area::OpeningView(egui::vec2(1400.0, 900.0))] {
        let request = ExportRequest {
            area,
            page: PageSetup {
                paper: Paper::A4,
                orientation: PaperOrientation::Auto,
                ..Default::default()
            },
            ..ExportRequest::new(Format::Pdf)
        };
        let (visible, scene) = request.scene(&m);
        let options = request.svg_options(&m, &visible, &scene);
        let picture = export::picture(&m, &scene, &options);
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg">{}</svg>"#,
            picture.body
        );
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let f = |n: roxmltree::Node, a: &str| n.attribute(a).and_then(|v| v.parse::<f32>().ok());
        let lowest_box = doc
            .descendants()
            .filter(|n| n.attribute("data-id").is_some())
            .filter_map(|g| g.children().find(|n| n.has_tag_name("rect")))
            .filter_map(|r| Some(f(r, "y")? + f(r, "height")?))
            .fold(0.0f32, f32::max);
        let legend_top = doc
            .descendants()
            .find(|n| n.attribute("class") == Some("legend"))
            .and_then(|g| g.descendants().filter_map(|n| f(n, "y")).reduce(f32::min))
            .expect("a legend");
        let place = export::place(picture.width, picture.height, request.page);
        let gap_mm = (legend_top - lowest_box) * place.scale / mm_px;
        assert!(
            gap_mm <= 12.0,
            "{area:?}: {gap_mm:.1} mm between the chart and the legend"
        );
    }
}

#[test]
fn pdf_text_is_drawn_heavier_than_the_light_screen_face_with_the_same_widths() {
    let m = model::load_embedded().unwrap();
    let picture_of = |format| {
        let request = ExportRequest::new(format);
        let (visible, scene) = request.scene(&m);
        let options = request.svg_options(&m, &visible, &scene);
        export::picture(&m, &scene, &options).body
    };
    let pdf = picture_of(Format::Pdf);
    let png = picture_of(Format::Png);
    let texts = |body: &str| body.matches("<text").count();
    let stroked = pdf
        .lines()
        .filter(|l| l.starts_with("<text") && l.contains("stroke-width"))
        .count();
    assert_eq!(
        stroked,
        texts(&pdf),
        "every text in the PDF has the print weight"
    );
    assert!(
        !png.contains("stroke-linejoin=\"round\""),
        "the PNG keeps the window's weight"
    );
    // Same places: only the weight differs.
    let xs = |body: &str| -> Vec<String> {
        body.lines()
            .filter(|l| l.starts_with("<text"))
            .map(|l| l.split(" font-size").next().unwrap().to_owned())
            .collect()
    };
    assert_eq!(xs(&pdf), xs(&png));
}

#[test]
fn a_body_standing_apart_from_the_apex_says_why_in_the_caption() {
    let dir = tempfile::tempdir().unwrap();
    let note = |extra: &[&str]| {
        let (svg, _) = export_cli(dir.path(), "n.svg", extra);
        let svg = std::fs::read_to_string(svg).unwrap();
        caption_blocks(&svg)
            .into_iter()
            .filter(|(c, _)| c == "caption note")
            .flat_map(|(_, lines)| lines)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let all = note(&[]);
    assert!(
        all.starts_with("The Parliamentary Assembly has no parent body: it was set up by")
            && all.contains("CIS Inter-Parliamentary Assembly"),
        "{all}"
    );
    assert_eq!(note(&["--kind", "subsidiary"]), "", "no lone body, no note");
}

#[test]
fn a_russian_pdf_speaks_russian_in_its_caption_legend_and_source_line() {
    let dir = tempfile::tempdir().unwrap();
    let (pdf, o) = export_cli(dir.path(), "ru.pdf", &["--lang", "ru"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let Some(text) = poppler("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]) else {
        assert!(!common::under_ci(), "pdftotext is missing under CI");
        eprintln!("pdftotext is not installed: the PDF's text is not read back here");
        return;
    };
    // Each line of a box is a line of text, drawn twice (fill and print weight): once each,
    // joined, the names read as on the chart.
    let mut lines: Vec<&str> = text.lines().collect();
    lines.dedup();
    let words = lines.join(" ");
    for expected in [
        "Организация Договора о коллективной безопасности",
        "Совет коллективной безопасности",
        "Все органы по состоянию на 3 декабря 2025 г.",
        "показано: 26 из 26 органов",
        "Источник: CSTO Atlas, редакция от 3 декабря 2025 г., источники проверены по 5 декабря 2025 г.",
        "Уставный орган",
        "подчиняется",
        "дата создания неизвестна",
    ] {
        assert!(words.contains(expected), "{expected:?} not in the PDF's text:\n{words}");
    }
    for english in [
        "as of",
        "bodies shown",
        "Source:",
        "reports to",
        "founding date",
    ] {
        assert!(
            !words.contains(english),
            "{english:?} in the Russian PDF:\n{words}"
        );
    }
}

#[test]
fn a_pdf_whose_names_would_print_too_small_says_so_and_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.ron");
    common::generate(&big, 300);
    let big = big.to_str().unwrap();
    let (_, o) = export_cli(dir.path(), "big.pdf", &["--atlas", big, "--page", "a4"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(
        err.contains("note: names print at") && err.contains("on A4, too small to read"),
        "{err}"
    );
    assert!(err.contains("--page fit"), "{err}");
    // The same chart on a page its own size, and the CSTO chart on A4, print readably.
    let (_, o) = export_cli(dir.path(), "fit.pdf", &["--atlas", big, "--page", "fit"]);
    assert!(
        !text(&o.stderr).contains("too small"),
        "{}",
        text(&o.stderr)
    );
    let (_, o) = export_cli(dir.path(), "csto.pdf", &["--page", "a4"]);
    assert!(
        !text(&o.stderr).contains("too small"),
        "{}",
        text(&o.stderr)
    );
}
