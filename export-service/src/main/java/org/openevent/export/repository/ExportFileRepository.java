package org.openevent.export.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.openevent.export.domain.ExportFile;

/** Rendered export files. */
@ApplicationScoped
public class ExportFileRepository implements PanacheRepositoryBase<ExportFile, UUID> {
}
