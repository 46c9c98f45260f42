package org.tongxin.casefile.web;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.casefile.Charges;

/**
 * Documents the offence's {@code charges} in the OpenAPI document: required, one to {@link Charges#MAX_PER_CASE}
 * names, each exactly one of the charges the Supreme People's Court and Supreme People's Procuratorate determine
 * (the list as an enum). Requests that open a case without them, or with a name not in the list, get a 400 whose
 * {@code errors} name {@code offence.charges} with the code {@code required}, {@code unknownCharge} or
 * {@code tooManyCharges}.
 */
@Configuration(proxyBeanMethods = false)
class ChargesOpenApi {

    @Bean
    OpenApiCustomizer chargesSchema() {
        return api -> {
            if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
                return;
            }
            Schema<?> offence = api.getComponents().getSchemas().get("OffenceData");
            if (offence == null || offence.getProperties() == null) {
                return;
            }
            StringSchema name = new StringSchema();
            name.setEnum(
                    Charges.standard().all().stream().map(Charges.Charge::name).toList());
            ArraySchema charges = new ArraySchema();
            charges.setItems(name);
            charges.setMinItems(1);
            charges.setMaxItems(Charges.MAX_PER_CASE);
            charges.setUniqueItems(true);
            charges.setDescription(
                    "罪名 (charges): one or more names exactly as the Supreme People's Court and Supreme People's"
                        + " Procuratorate determine them, e.g. 盗窃罪. Required when a case is opened: missing → 400 with"
                        + " errors [{field: offence.charges, code: required}], a name not in the list → code"
                        + " unknownCharge.");
            charges.setExample(List.of("盗窃罪"));
            offence.addProperty("charges", charges);
            List<String> required = new ArrayList<>(offence.getRequired() == null ? List.of() : offence.getRequired());
            if (!required.contains("charges")) {
                required.add("charges");
            }
            offence.setRequired(required);
        };
    }
}
