package org.conflictledger.devstack.http;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Test support: reads a whole list of the API page by page, following each page's {@code next} cursor. */
public final class ListPages {
    private ListPages() {
    }

    /**
     * One field of every item of the list at {@code path}, in the list's order, read in pages of {@code limit}.
     *
     * @param field the item's field, e.g. {@code id} or {@code key}
     */
    public static List<String> collect(String path, Map<String, String> query, int limit, String field) {
        List<String> values = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = given().queryParams(query).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            ExtractableResponse<Response> page = request.get(path).then().statusCode(200).extract();
            values.addAll(page.path("items." + field));
            cursor = page.path("next");
        } while (cursor != null);
        return values;
    }
}
