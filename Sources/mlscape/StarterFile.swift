/// The data file `mlscape init` writes: a small landscape of its own, every key explained in
/// a comment, that renders with no warning.
enum StarterFile {
    static let text = """
    # A technology landscape for mlscape. Edit it, then: mlscape render landscape.yaml
    # Every key is explained below; the README's "The data file" section has the rest.

    # Drawn on the gallery page and used as the PDF title.
    title: Our data stack
    # sketch (hand-drawn) or clean (crisp vector); --style overrides it.
    style: sketch

    # The two axes. x runs left (negative) to right (positive), y bottom to top, each from
    # -1 to 1. 'name' is what the axis measures; the ends are labelled on the figures.
    axes:
      x: { name: maturity, negative: Experimental, positive: Proven }
      y: { name: scope, negative: Single task, positive: Platform }

    # Adoption rings, from the centre out (used by radar figures and category 'ring:').
    rings: [adopt, trial, assess, hold]

    # The four corners of the plane. x and y say which corner: negative or positive side.
    # A title breaks where it holds \\n.
    quadrants:
      - { id: platforms, title: "Proven\\nPlatforms", x: positive, y: positive }
      - { id: new-platforms, title: "New\\nPlatforms", x: negative, y: positive }
      - { id: tools, title: "Proven\\nTools", x: positive, y: negative }
      - { id: new-tools, title: "New\\nTools", x: negative, y: negative }

    # Groups of tools, drawn as hatched regions on zoom figures. 'quadrant' is where its
    # tools live; 'ring' is its adoption ring; 'color: "#rrggbb"' is optional.
    categories:
      - { id: warehouses, name: Warehouses, quadrant: platforms, ring: adopt }
      - { id: notebooks, name: Notebooks, quadrant: tools, ring: trial }

    # One line per tool. x and y from -1 to 1 (a decimal point: 0.5, not 0,5). 'subtitle'
    # and 'url' are optional; with a url the tool links to it in SVG and PDF.
    tools:
      - { name: BigQuery, x: 0.7, y: 0.6, categories: [warehouses], url: "https://cloud.google.com/bigquery" }
      - { name: Snowflake, x: 0.5, y: 0.75, categories: [warehouses] }
      - { name: DuckDB, x: -0.4, y: 0.35 }
      - { name: Jupyter, subtitle: Lab, x: 0.6, y: -0.4, categories: [notebooks] }
      - { name: Marimo, x: -0.35, y: -0.8 }

    # The figures to draw; each 'id' names its files (landscape.png, landscape.svg).
    # kinds: map (every tool), zoom (one quadrant, with category regions), quadrants,
    # setup, banner, lifecycle, radar, radar-landscape (see the README's figure table).
    figures:
      - { id: landscape, kind: map }
      - { id: platforms, kind: zoom, quadrant: platforms }

    """
}
