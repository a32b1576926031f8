package org.openevent.export.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.export.domain.Favourite;

/** Projected favourites. */
@ApplicationScoped
public class FavouriteRepository implements PanacheRepositoryBase<Favourite, Long> {
}
