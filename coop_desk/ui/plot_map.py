"""A map of plots drawn with Qt alone: no internet, no tiles.

Boundaries are outlines, GPS points are dots; plots that fail a rule of the EU deforestation
regulation are red, the selected plot is thick and blue. A scale bar (1-2-5 steps, in m or
km) and a north arrow keep the drawing honest. The wheel zooms around the cursor, dragging
pans, a double click shows everything again, a click selects a plot.

Model: :meth:`PlotMap.set_plots` takes the rows the services return and projects their
positions once, to metres on a plane centred on the plots (azimuthal equidistant, pyproj via
:func:`coop_desk.domain.geometry.local_projector`); ``paintEvent`` only scales those metres to
pixels. No database, no service call happens while painting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from coop_desk.domain.geometry import Position, local_projector, nice_scale_length
from coop_desk.services.plot_geo import PlotGeoRow

OK_COLOUR = QColor("#2e7d32")
PROBLEM_COLOUR = QColor("#c62828")
SELECTED_COLOUR = QColor("#1565c0")
BACKGROUND = QColor("#f7f5ef")
MARGIN_PX = 24
POINT_RADIUS_PX = 4
CLICK_TOLERANCE_PX = 8
MIN_OUTLINE_PX = 6  # an outline smaller than this on screen is drawn as a dot


@dataclass(frozen=True)
class MapShape:
    """One plot projected to metres (x east, y north)."""

    plot_id: int
    label: str
    polygons: tuple[tuple[tuple[tuple[float, float], ...], ...], ...]  # rings per polygon
    point: tuple[float, float] | None
    problem: bool

    def bounds(self) -> tuple[float, float, float, float] | None:
        xs: list[float] = []
        ys: list[float] = []
        for polygon in self.polygons:
            for ring in polygon:
                xs.extend(x for x, _ in ring)
                ys.extend(y for _, y in ring)
        if self.point is not None:
            xs.append(self.point[0])
            ys.append(self.point[1])
        if not xs:
            return None
        return min(xs), min(ys), max(xs), max(ys)


# Plots whose coordinates are a slip (outside Peru, out of range) are left off the map: drawn,
# they would shrink everything else to a dot. The list beside the map names them in red.
UNDRAWABLE = frozenset({"outside_peru", "out_of_range"})


def project(rows: Sequence[PlotGeoRow]) -> list[MapShape]:
    """The rows' geometry in metres around their common centre."""
    rows = [r for r in rows if not any(i.code in UNDRAWABLE for i in r.issues)]
    positions = [p for r in rows for p in _positions(r)]
    if not positions:
        return []
    lon = sum((p.lon for p in positions), Decimal(0)) / len(positions)
    lat = sum((p.lat for p in positions), Decimal(0)) / len(positions)
    to_plane = local_projector(Position(lon, lat))
    shapes = []
    for row in rows:
        polygons: list[tuple[tuple[tuple[float, float], ...], ...]] = []
        if row.boundary is not None:
            for rings in row.boundary.polygons:
                projected = []
                for ring in rings:
                    xs, ys = to_plane.transform(
                        [float(p.lon) for p in ring], [float(p.lat) for p in ring]
                    )
                    projected.append(tuple(zip(xs, ys, strict=True)))
                polygons.append(tuple(projected))
        point = None
        if row.point is not None and -180 <= row.point.lon <= 180 and -90 <= row.point.lat <= 90:
            x, y = to_plane.transform(float(row.point.lon), float(row.point.lat))
            point = (x, y)
        if polygons or point is not None:
            shapes.append(MapShape(row.plot_id, row.label, tuple(polygons), point, not row.passes))
    return shapes


def _positions(row: PlotGeoRow) -> list[Position]:
    found = list(row.boundary.positions()) if row.boundary is not None else []
    # A point far from the rest (a typing slip) would squash the map; the boundary wins.
    if row.point is not None and not found:
        found.append(row.point)
    return [p for p in found if -180 <= p.lon <= 180 and -90 <= p.lat <= 90]


class PlotMap(QWidget):
    plot_clicked = Signal(int)  # the plot's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plot_map")
        self.setMinimumSize(240, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.shapes: list[MapShape] = []
        self.selected: int | None = None
        self._bounds: tuple[float, float, float, float] | None = None
        self._scale = 1.0  # pixels per metre
        self._centre = (0.0, 0.0)  # metres at the widget's centre
        self._drag: QPointF | None = None
        self._moved = False

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(480, 360)

    # --- data ------------------------------------------------------------------------------
    def set_plots(self, rows: Sequence[PlotGeoRow], selected: int | None = None) -> None:
        self.shapes = project(rows)
        self.selected = selected
        boxes = [b for s in self.shapes if (b := s.bounds()) is not None]
        if boxes:
            self._bounds = (
                min(b[0] for b in boxes),
                min(b[1] for b in boxes),
                max(b[2] for b in boxes),
                max(b[3] for b in boxes),
            )
        else:
            self._bounds = None
        self.fit()

    def select(self, plot_id: int | None, *, centre: bool = False) -> None:
        """Mark ``plot_id``; with ``centre``, show it in the middle with its surroundings
        (about 1.5 km across, more for a larger plot)."""
        self.selected = plot_id
        if centre and plot_id is not None:
            shape = next((s for s in self.shapes if s.plot_id == plot_id), None)
            box = shape.bounds() if shape else None
            if box is not None:
                self._centre = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
                span = max(box[2] - box[0], box[3] - box[1], 1500.0)
                usable = max(min(self.width(), self.height()) - 2 * MARGIN_PX, 50)
                self._scale = usable / span
        self.update()

    def fit(self) -> None:
        """Show every plot."""
        if self._bounds is None:
            self._scale, self._centre = 1.0, (0.0, 0.0)
        else:
            west, south, east, north = self._bounds
            width = max(east - west, 50.0)  # a single point: about 50 m across
            height = max(north - south, 50.0)
            usable_w = max(self.width() - 2 * MARGIN_PX, 50)
            usable_h = max(self.height() - 2 * MARGIN_PX, 50)
            self._scale = min(usable_w / width, usable_h / height)
            self._centre = ((west + east) / 2, (south + north) / 2)
        self.update()

    @property
    def metres_per_pixel(self) -> float:
        return 1 / self._scale

    # --- geometry ------------------------------------------------------------------------
    def to_screen(self, x: float, y: float) -> QPointF:
        return QPointF(
            self.width() / 2 + (x - self._centre[0]) * self._scale,
            self.height() / 2 - (y - self._centre[1]) * self._scale,
        )

    def to_metres(self, point: QPointF) -> tuple[float, float]:
        return (
            self._centre[0] + (point.x() - self.width() / 2) / self._scale,
            self._centre[1] - (point.y() - self.height() / 2) / self._scale,
        )

    def _path(self, shape: MapShape) -> QPainterPath:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        for polygon in shape.polygons:
            for ring in polygon:
                path.addPolygon(QPolygonF([self.to_screen(x, y) for x, y in ring]))
                path.closeSubpath()
        return path

    def plot_at(self, pos: QPointF) -> int | None:
        """The plot under ``pos``: a boundary containing it, else the nearest dot."""
        for shape in reversed(self.shapes):
            if shape.polygons and self._path(shape).contains(pos):
                return shape.plot_id
        best: tuple[float, int] | None = None
        for shape in self.shapes:
            if shape.point is None:
                continue
            dot = self.to_screen(*shape.point)
            distance = ((dot.x() - pos.x()) ** 2 + (dot.y() - pos.y()) ** 2) ** 0.5
            if distance <= CLICK_TOLERANCE_PX and (best is None or distance < best[0]):
                best = (distance, shape.plot_id)
        return best[1] if best else None

    # --- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), BACKGROUND)
        if not self.shapes:
            painter.setPen(QColor("#666666"))
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.tr("No plot has a boundary or a GPS point yet."),
            )
            painter.end()
            return
        selected_shape = None
        # Problems on top of the plots that pass, the selected plot on top of all.
        for shape in sorted(self.shapes, key=lambda s: s.problem):
            if shape.plot_id == self.selected:
                selected_shape = shape
                continue
            self._draw(painter, shape, False)
        if selected_shape is not None:
            self._draw(painter, selected_shape, True)
        self._draw_labels(painter)
        self._draw_scale_bar(painter)
        self._draw_north(painter)
        self._draw_legend(painter)
        painter.end()

    def _draw(self, painter: QPainter, shape: MapShape, selected: bool) -> None:
        colour = SELECTED_COLOUR if selected else PROBLEM_COLOUR if shape.problem else OK_COLOUR
        fill = QColor(colour)
        fill.setAlpha(70 if selected else 45)
        pen = QPen(colour, 3 if selected else (2 if shape.problem else 1.4))
        painter.setPen(pen)
        painter.setBrush(QBrush(fill))
        if shape.polygons:
            path = self._path(shape)
            box = path.boundingRect()
            if max(box.width(), box.height()) >= MIN_OUTLINE_PX:
                painter.drawPath(path)
                return
            # Too small to see at this scale: a dot where the plot is.
            painter.setBrush(QBrush(colour))
            radius = POINT_RADIUS_PX - 1 + (2 if selected else 0)
            painter.drawEllipse(box.center(), radius, radius)
        elif shape.point is not None:
            radius = POINT_RADIUS_PX + (2 if selected else 0)
            painter.setBrush(QBrush(colour))
            painter.drawEllipse(self.to_screen(*shape.point), radius, radius)

    def _draw_labels(self, painter: QPainter) -> None:
        """Names when they fit: zoomed in, or few plots."""
        if len(self.shapes) > 40 and self._scale < 0.05:
            return
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        painter.setFont(font)
        painter.setPen(QColor("#333333"))
        for shape in self.shapes:
            box = shape.bounds()
            if box is None:
                continue
            anchor = self.to_screen((box[0] + box[2]) / 2, box[3])
            painter.drawText(anchor + QPointF(4, -4), shape.label)

    def _draw_scale_bar(self, painter: QPainter) -> None:
        metres = nice_scale_length(self.width() / 4 * self.metres_per_pixel)
        length_px = metres * self._scale
        left, base = MARGIN_PX / 2, self.height() - MARGIN_PX / 2
        painter.setPen(QPen(QColor("#222222"), 2))
        painter.drawLine(QPointF(left, base), QPointF(left + length_px, base))
        for x in (left, left + length_px / 2, left + length_px):
            painter.drawLine(QPointF(x, base - 5), QPointF(x, base))
        text = (
            self.tr("{0} km").format(f"{metres / 1000:g}")
            if metres >= 1000
            else self.tr("{0} m").format(metres)
        )
        painter.drawText(QPointF(left, base - 8), text)
        self.scale_text = text
        self.scale_px = length_px

    def _draw_north(self, painter: QPainter) -> None:
        x, top = self.width() - MARGIN_PX, MARGIN_PX / 2
        painter.setPen(QPen(QColor("#222222"), 1.5))
        painter.setBrush(QBrush(QColor("#222222")))
        painter.drawPolygon(
            QPolygonF([QPointF(x, top), QPointF(x - 5, top + 14), QPointF(x + 5, top + 14)])
        )
        painter.drawText(QPointF(x - 4, top + 28), self.tr("N"))

    def _draw_legend(self, painter: QPainter) -> None:
        entries = [
            (OK_COLOUR, self.tr("Passes the EU rules")),
            (PROBLEM_COLOUR, self.tr("Has a problem")),
        ]
        metrics = painter.fontMetrics()
        width = max(metrics.horizontalAdvance(t) for _, t in entries) + 28
        height = len(entries) * (metrics.height() + 4) + 6
        box = QRectF(self.width() - width - 8, self.height() - height - 8, width, height)
        painter.setPen(QPen(QColor("#999999")))
        painter.setBrush(QBrush(QColor(255, 255, 255, 220)))
        painter.drawRect(box)
        y = box.top() + 4
        for colour, text in entries:
            painter.setPen(QPen(colour, 2))
            fill = QColor(colour)
            fill.setAlpha(60)
            painter.setBrush(QBrush(fill))
            painter.drawRect(QRectF(box.left() + 6, y + 2, 12, metrics.height() - 4))
            painter.setPen(QColor("#222222"))
            painter.drawText(QPointF(box.left() + 24, y + metrics.ascent()), text)
            y += metrics.height() + 4

    # --- interaction -----------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        steps = event.angleDelta().y() / 120
        if not steps:
            return
        self.zoom(1.25**steps, event.position())

    def zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        """Scale by ``factor``; the point under ``anchor`` (the mouse) stays where it is."""
        before = self.to_metres(anchor) if anchor is not None else None
        self._scale = min(max(self._scale * factor, 1e-5), 50.0)
        if anchor is not None and before is not None:
            after = self.to_metres(anchor)
            self._centre = (
                self._centre[0] + before[0] - after[0],
                self._centre[1] + before[1] - after[1],
            )
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag = event.position()
            self._moved = False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._drag is not None:
            delta = event.position() - self._drag
            if abs(delta.x()) + abs(delta.y()) > 3:
                self._moved = True
            self._centre = (
                self._centre[0] - delta.x() / self._scale,
                self._centre[1] + delta.y() / self._scale,
            )
            self._drag = event.position()
            self.update()
            return
        plot_id = self.plot_at(event.position())
        shape = next((s for s in self.shapes if s.plot_id == plot_id), None)
        if shape is not None:
            QToolTip.showText(event.globalPosition().toPoint(), shape.label, self)
        else:
            QToolTip.hideText()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if not self._moved:
            plot_id = self.plot_at(event.position())
            if plot_id is not None:
                self.select(plot_id)
                self.plot_clicked.emit(plot_id)
        self._drag = None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.oldSize().width() <= 0:
            self.fit()
