package org.tongxin.simulation.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tongxin.simulation.SimulationFigure;
import org.tongxin.simulation.SimulationView;
import org.tongxin.simulation.internal.SimulationWorkbook;

/** The workbook of a run as a download (the API and the pages give the same file). */
final class SimulationDownloads {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private SimulationDownloads() {}

    static ResponseEntity<byte[]> workbook(
            SimulationView run, List<SimulationFigure> figures, MessageSource messages, Locale locale) {
        byte[] body = SimulationWorkbook.write(run, figures, messages, locale);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("simulation-" + run.id() + ".xlsx")
                                .build()
                                .toString())
                .body(body);
    }
}
